#include "phases/server_access.h"

#include <algorithm>

#include "db/db_error.h"
#include "log.h"

namespace oa::phases {
namespace {

// A copy that never waits for a lock can never be part of a deadlock cycle, so
// InnoDB never picks an application transaction as a victim because of it.
// MariaDB accepts 0 (no wait); MySQL's minimum is 1.
void set_copy_session(db::Connection& c, bool strict) {
  try {
    c.set_session("SET SESSION innodb_lock_wait_timeout = 0");
  } catch (const db::DbError&) {
    c.set_session("SET SESSION innodb_lock_wait_timeout = 1");
  }
  // Strict: a value the new schema cannot hold fails the chunk instead of being
  // truncated (unless --allow-lossy). NO_AUTO_VALUE_ON_ZERO: a copied 0 in an
  // AUTO_INCREMENT column stays 0 instead of becoming a new value.
  c.set_session(strict ? "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,"
                         "NO_ENGINE_SUBSTITUTION'"
                       : "SET SESSION sql_mode = 'NO_AUTO_VALUE_ON_ZERO,NO_ENGINE_SUBSTITUTION'");
  // READ COMMITTED: INSERT ... SELECT reads the source as a consistent read,
  // without row locks, and each statement sees what is committed when it
  // starts. Statement-based binary logging cannot log INSERT ... SELECT under
  // it; keep the default isolation there (the reads then take shared locks,
  // and a chunk that meets a client's lock fails at once and is retried).
  auto format = c.query_value("SELECT IF(@@log_bin = 1, @@binlog_format, 'OFF')");
  if (format.value_or("OFF") != "STATEMENT") {
    c.set_session("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
  }
}

}  // namespace

db::LockRetryPolicy ServerAccess::cleanup_policy() const {
  constexpr unsigned kCleanupAttempts = 30;  // with backoff, about a minute and a half
  return {ddl_policy_.lock_wait_timeout, std::max(ddl_policy_.attempts, kCleanupAttempts)};
}

db::Connection& ServerAccess::main() {
  if (!main_) main_ = db::Connection::open(settings_);
  return *main_;
}

db::Connection& ServerAccess::copy() {
  if (!copy_) copy_ = open_copy_session();
  return *copy_;
}

std::unique_ptr<db::Connection> ServerAccess::open_copy_session() const {
  auto c = db::Connection::open(settings_);
  set_copy_session(*c, strict_);
  return c;
}

void ServerAccess::take_run_lock(const std::string& database, const std::string& table) {
  run_lock_ = std::make_unique<RunLock>(settings_, database, table);
}

void ServerAccess::check_run_lock() {
  if (run_lock_) run_lock_->ensure_held();
}

db::Connection& ServerAccess::cleanup() {
  cleanup_.reset();
  cleanup_ = db::Connection::open(settings_);
  return *cleanup_;
}

}  // namespace oa::phases
