// A failed server round trip, translated from sql::SQLException at the db/ boundary.
#pragma once

#include <string>

#include "error.h"

namespace oa::db {

// Server error numbers the tool reacts to.
inline constexpr int kErrLockWaitTimeout = 1205;
inline constexpr int kErrDeadlock = 1213;
inline constexpr int kErrNoSuchTable = 1146;
inline constexpr int kErrServerGone = 2006;
inline constexpr int kErrServerLost = 2013;

class DbError : public Error {
 public:
  // `server_text` is the server's message; `statement` the SQL (never row data:
  // values travel as parameters), shortened for the message.
  DbError(int server_code, const std::string& server_text, const std::string& statement,
          ExitCode exit_code = ExitCode::kMigrationFailed);

  int server_code() const { return server_code_; }
  const std::string& server_text() const { return server_text_; }
  // True for the errors a retry can cure: a lock we did not wait for, a deadlock.
  bool is_lock_conflict() const;

 private:
  int server_code_;
  std::string server_text_;
};

}  // namespace oa::db
