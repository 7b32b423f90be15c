// One run per table: a server lock (GET_LOCK) held on a connection of its own
// for as long as a migration, or a cleanup, works on the table.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "db/connection.h"
#include "db/connection_settings.h"
#include "error.h"

namespace oa::phases {

// Another session took the table's lock while this run had lost it: the
// objects on the server may now be that run's, so this one must leave them.
class RunLockLost : public Error {
 public:
  explicit RunLockLost(const std::string& message) : Error(ExitCode::kMigrationFailed, message) {}
};

class RunLock {
 public:
  // Takes the lock without waiting. Throws RefusedError naming the session
  // that holds it (its connection id, user, host and how long it has run).
  RunLock(const db::ConnectionSettings& settings, const std::string& database,
          const std::string& table);
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

  // Checks, at most once a second, that this run still holds the lock; after
  // a lost connection takes it again. Throws RunLockLost when another
  // session took it meanwhile: two runs must never share a table.
  void ensure_held();

 private:
  void take();

  db::ConnectionSettings settings_;
  std::string name_;
  std::string table_text_;  // `db`.`table`, for messages
  std::unique_ptr<db::Connection> connection_;
  std::chrono::steady_clock::time_point checked_;
};

}  // namespace oa::phases
