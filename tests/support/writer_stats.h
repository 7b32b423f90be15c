// What the Writer's transactions came to: commits, intended rollbacks, and
// errors by server error code.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace oa::test {

// Error code the Writer uses for failures that are not server errors, such as
// a row it just wrote not being found: those mean the table lost a change.
constexpr int kInconsistencyErrorCode = 0;

struct WriterStats {
  std::uint64_t commits = 0;
  std::uint64_t rollbacks = 0;  // transactions that ended in ROLLBACK on purpose
  std::uint64_t errors = 0;     // transactions that failed (then rolled back)
  std::map<int, std::uint64_t> errors_by_code;
  std::vector<std::string> first_errors;  // "code: message" of the first few errors

  // Errors whose code is not in `codes`.
  std::uint64_t errors_except(const std::set<int>& codes) const;

  // One line: "N committed, N rolled back, N errors (1213 x2, ...)", then the
  // first error messages on the following lines.
  std::string summary() const;
};

// Thread-safe accumulation of WriterStats.
class WriterCounters {
 public:
  void add_commit();
  void add_rollback();
  void add_error(int code, const std::string& message);
  WriterStats snapshot() const;

 private:
  mutable std::mutex mutex_;
  WriterStats stats_;
};

}  // namespace oa::test
