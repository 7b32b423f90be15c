#include "phases/run_lock.h"

#include "db/db_error.h"
#include "error.h"
#include "log.h"
#include "plan/names.h"
#include "sql/queries.h"
#include "sql/quote.h"

namespace oa::phases {
namespace {

constexpr auto kCheckInterval = std::chrono::seconds(1);

// Who holds the lock, for the refusal: the processlist row of its session.
std::string holder_text(db::Connection& c, const std::string& name) {
  const auto rows = c.query(sql::lock_holder(), {db::Param{name}});
  if (rows.empty() || rows.front().size() < 4) return "another session";
  const auto& r = rows.front();
  return "server connection " + r[0].value_or("?") + " (" + r[1].value_or("?") + "@" +
         r[2].value_or("?") + ", connected for " + r[3].value_or("?") + " s)";
}

}  // namespace

RunLock::RunLock(const db::ConnectionSettings& settings, const std::string& database,
                 const std::string& table)
    : settings_(settings),
      name_(plan::run_lock_name(database, table)),
      table_text_(sql::qualified_name(database, table)) {
  take();
}

void RunLock::take() {
  connection_ = db::Connection::open(settings_);
  if (connection_->query_number(sql::get_lock(), {db::Param{name_}}) != 1) {
    throw RefusedError("another online-alter run is working on " + table_text_ + ": " +
                       holder_text(*connection_, name_) +
                       " holds its lock. Two runs on one table would corrupt each other's work; "
                       "wait for that one to end (or stop it), then run again");
  }
  checked_ = std::chrono::steady_clock::now();
}

void RunLock::ensure_held() {
  const auto now = std::chrono::steady_clock::now();
  if (now - checked_ < kCheckInterval) return;
  checked_ = now;
  try {
    if (connection_->query_number(sql::lock_held_here(), {db::Param{name_}}) == 1) {
      return;
    }
  } catch (const db::DbError& e) {
    if (!e.is_connection_lost()) throw;
  }
  log::warning("the lock that keeps other runs off " + table_text_ +
               " was lost with its connection; taking it again");
  try {
    take();
  } catch (const RefusedError& e) {
    throw RunLockLost(std::string("lost the run's lock: ") + e.what() +
                      "\nEverything this run created was left in place for that run");
  }
}

}  // namespace oa::phases
