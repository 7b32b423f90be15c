// A failed server round trip, translated from sql::SQLException at the db/ boundary.
#pragma once

#include <string>

#include "error.h"

namespace oa::db {

// Server error numbers the tool reacts to.
inline constexpr int kErrLockWaitTimeout = 1205;
inline constexpr int kErrDeadlock = 1213;
inline constexpr int kErrNoSuchTable = 1146;
inline constexpr int kErrDuplicateKey = 1062;
inline constexpr int kErrServerGone = 2006;
inline constexpr int kErrServerLost = 2013;
inline constexpr int kErrQueryInterrupted = 1317;  // KILL QUERY
inline constexpr int kErrConnectionKilled = 1927;  // KILL, MariaDB
inline constexpr int kErrServerShutdown = 1053;
inline constexpr int kErrCannotConnectSocket = 2002;
inline constexpr int kErrCannotConnect = 2003;
inline constexpr int kErrLostConnectionSys = 2055;
// CR_SSL_CONNECTION_ERROR: on a TLS session, a connection the server closed
// (KILL, shutdown) reads as "TLS/SSL error: unexpected eof", not as 2013.
inline constexpr int kErrTlsConnection = 2026;

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
  // True when the session is gone (lost connection, killed, server shutdown
  // or restart): a new connection may cure it.
  bool is_connection_lost() const;
  // True for the errors retrying the same work may cure: a lost connection,
  // a statement killed by an operator.
  bool is_transient() const;

 private:
  int server_code_;
  std::string server_text_;
};

}  // namespace oa::db
