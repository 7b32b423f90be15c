// Binds Values to a prepared statement's parameters and keeps the streams that
// back blob parameters alive until the statement has run.
#pragma once

#include <memory>
#include <sstream>
#include <vector>

#include "support/row.h"

namespace sql {
class PreparedStatement;
}  // namespace sql

namespace oa::test {

class ParameterBinder {
 public:
  // `statement` must outlive the binder; the binder must outlive the execution.
  explicit ParameterBinder(sql::PreparedStatement& statement) : statement_(statement) {}
  ParameterBinder(const ParameterBinder&) = delete;
  ParameterBinder& operator=(const ParameterBinder&) = delete;

  // Binds the next parameter (1, 2, ... in call order): NULL for nullopt, a
  // blob for `binary` values, else a string the server converts.
  void bind(const Value& value, bool binary = false);

  // Number of parameters bound so far.
  unsigned count() const { return next_ - 1; }

 private:
  sql::PreparedStatement& statement_;
  unsigned next_ = 1;
  std::vector<std::unique_ptr<std::istringstream>> blobs_;
};

}  // namespace oa::test
