// A throwaway database for one test: created by the constructor, dropped by
// the destructor, so every test starts from nothing and leaves nothing.
#pragma once

#include <string>

#include "support/test_server.h"

namespace oa::test {

class ScratchDatabase {
 public:
  // Creates the database `<label>_<pid>_<counter>` (unique within this process
  // and between concurrent processes). `label` may hold any characters a
  // database name accepts; the whole name must stay within 64 characters.
  // Throws sql::SQLException when the server refuses.
  ScratchDatabase(const TestServer& server, const std::string& label);

  // Drops the database; a failure is printed on stderr, never thrown.
  ~ScratchDatabase();

  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  const std::string& name() const { return name_; }

 private:
  const TestServer& server_;
  std::string name_;
};

}  // namespace oa::test
