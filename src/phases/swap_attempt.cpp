#include "phases/swap_attempt.h"

#include <chrono>
#include <future>
#include <thread>

#include "crash_point.h"
#include "db/db_error.h"
#include "db/thread_scope.h"
#include "log.h"
#include "phases/change_capture.h"
#include "phases/foreign_keys.h"
#include "phases/own_triggers.h"
#include "phases/shadow_table.h"
#include "sql/ddl.h"

// Why the swap is a relay between two sessions. MariaDB refuses RENAME TABLE
// while the session holds LOCK TABLES (error 1192), so the session that locks
// T and applies the last changes cannot also rename. The RENAME is therefore
// sent from a second session while the first still holds T, and the first
// releases T only once the RENAME waits for it. When T is released, the
// server grants the waiting exclusive lock of the RENAME before the writers'
// shared ones (a pending exclusive lock blocks new shared grants), so no write
// reaches T between the last applied change and the swap.
//
// The server takes the metadata locks of one statement in byte order of the
// table names. The shadow and the log sort after T (plan/names.h), so:
// - LOCK TABLES waits for T first and holds nothing a client needs meanwhile;
// - the RENAME's only wait is for T (the old name is free), so "waiting for a
//   metadata lock" means it is queued on T. Had it been waiting for the
//   shadow, the writers would get T first and their changes would be lost.

namespace oa::phases {
namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kQueuePoll = std::chrono::milliseconds(1);
// The RENAME is one statement on a fresh connection: it reaches its lock wait
// within milliseconds. Longer means something is wrong, and T is locked
// meanwhile, so give up the attempt.
constexpr auto kQueueDeadline = std::chrono::milliseconds(1000);
constexpr const char* kWaitingForMetadataLock = "Waiting for table metadata lock";

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

bool ready(std::future<void>& f) {
  return f.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
}

// True once connection `id` waits for a metadata lock; false when `rename`
// finishes first (it failed: it cannot succeed while T is locked) or the
// deadline passes.
bool wait_until_queued(db::Connection& monitor, std::uint64_t id, std::future<void>& rename) {
  const auto deadline = Clock::now() + kQueueDeadline;
  const std::vector<db::Param> params{db::Param{std::to_string(id), false, true}};
  while (Clock::now() < deadline && !ready(rename)) {
    auto state = monitor.query_value(
        "SELECT STATE FROM information_schema.PROCESSLIST WHERE ID = ?", params);
    if (state && *state == kWaitingForMetadataLock) return true;
    std::this_thread::sleep_for(kQueuePoll);
  }
  return false;
}

// Waits for `f`; its exception, or null when it succeeded.
std::exception_ptr outcome(std::future<void>& f) {
  try {
    f.get();
  } catch (...) {
    return std::current_exception();
  }
  return nullptr;
}

// A RENAME killed because it never queued is a lock conflict to retry.
[[noreturn]] void rethrow_rename_failure(const std::exception_ptr& failed) {
  try {
    std::rethrow_exception(failed);
  } catch (const db::DbError& e) {
    if (e.server_code() != db::kErrQueryInterrupted) throw;
    throw db::DbError(db::kErrLockWaitTimeout,
                      "the RENAME did not reach its lock wait within " +
                          std::to_string(kQueueDeadline.count()) + " ms",
                      "RENAME TABLE");
  }
}

// After a failed attempt: the table's own triggers and the foreign keys back
// where they were, and the way back's triggers off the shadow (the next
// attempt applies changes to the shadow under LOCK TABLES, where their log
// is not locked). A failure to do so is logged; the error that ended the
// attempt is the one reported.
void put_back(db::Connection& c, const plan::MigrationPlan& plan,
              const plan::MigrationPlan* way_back) {
  if (way_back != nullptr) {
    try {
      drop_way_back_triggers(c, *way_back);
    } catch (const std::exception& e) {
      log::error(std::string("could not drop the way back's triggers from the shadow: ") +
                 e.what());
    }
  }
  try {
    if (!plan.user_triggers.empty()) move_own_triggers(c, plan, plan.table);
  } catch (const std::exception& e) {
    log::error(std::string("could not put the table's own triggers back on it: ") + e.what() +
               "; the next --resume, cleanup or revert creates them again from the checkpoint");
  }
  if (plan.foreign_keys.empty() && plan.child_foreign_keys.empty()) return;
  try {
    for (const auto& line : return_foreign_keys(c, plan, plan.foreign_keys)) log::info(line);
  } catch (const std::exception& e) {
    log::error(std::string("could not put the foreign keys back: ") + e.what() +
               "; run online-alter cleanup, which puts them back");
  }
}

void release(std::unique_ptr<db::Connection>& locker) {
  try {
    locker->execute(sql::unlock_tables());
  } catch (const std::exception&) {
    // Closing the connection below releases the locks all the same.
  }
  locker.reset();
}

}  // namespace

SwapTimings attempt_swap(ServerAccess& server, const plan::MigrationPlan& plan,
                         ChangeApplier& applier, const SwapSettings& settings,
                         const std::function<void()>& before_lock) {
  const std::string& db = plan.database;
  const plan::MigrationPlan* way_back = settings.way_back;
  SwapTimings timings;
  std::unique_ptr<db::Connection> locker = server.open_copy_session();
  auto renamer = db::Connection::open(server.settings());
  locker->execute(sql::set_lock_wait_timeout(settings.lock_wait_timeout));
  renamer->execute(sql::set_lock_wait_timeout(settings.lock_wait_timeout));
  const std::uint64_t renamer_id = renamer->query_number("SELECT CONNECTION_ID()");

  if (!plan.foreign_keys.empty() || !plan.child_foreign_keys.empty()) {
    // An earlier attempt that lost its connection halfway leaves them moved.
    for (const auto& line : return_foreign_keys(server.main(), plan, plan.foreign_keys)) {
      log::warning(line);
    }
  }
  before_lock();
  const auto asked = Clock::now();
  locker->execute(sql::lock_tables_write(plan::swap_locked_tables(plan)));
  timings.lock_wait_ms = ms_since(asked);
  const auto locked = Clock::now();
  // Every writer of T waits from here on, and the log is complete: apply it.
  timings.changes_applied = applier.apply_under_table_locks(*locker);
  crash_point("swap-locked");
  try {
    // No one can change T from here to the RENAME.
    if (settings.unchanged != nullptr) check_table_unchanged(*locker, plan, *settings.unchanged);
  } catch (...) {
    release(locker);
    throw;
  }
  // The counter, the foreign keys and the table's own triggers go to the
  // shadow, which becomes T: no write runs between their removal from T and
  // the RENAME. The own triggers as late as they can be, so that the span in
  // which a crash leaves T without them (until --resume or cleanup puts them
  // back) is short.
  try {
    carry_auto_increment(*locker, plan);
    move_foreign_keys_to_shadow(*locker, plan);
    move_own_triggers(*locker, plan, plan.names.shadow);
    // After the last apply, so that the applier's writes log nothing; after
    // the own triggers, which they are ordered against.
    if (way_back != nullptr) create_way_back_triggers(*locker, *way_back);
    crash_point("own-triggers-moved");
  } catch (...) {
    put_back(*locker, plan, way_back);
    release(locker);
    throw;
  }

  std::future<void> rename = std::async(std::launch::async, [&] {
    db::ThreadScope thread;
    renamer->execute(sql::swap_tables(db, plan.table, plan.names.old, plan.names.shadow));
  });
  bool queued = false;
  try {
    queued = wait_until_queued(server.main(), renamer_id, rename);
  } catch (const std::exception& e) {
    log::warning(std::string("cut-over: could not watch the RENAME: ") + e.what());
  }
  if (!queued && !ready(rename)) {
    // Releasing T now could let writers in ahead of the RENAME; stop it first.
    // Should the KILL fail too, the RENAME times out on T's lock instead.
    try {
      server.cleanup().execute("KILL QUERY " + std::to_string(renamer_id));
    } catch (const std::exception& e) {
      log::warning(std::string("cut-over: could not stop the RENAME: ") + e.what());
    }
  }
  std::exception_ptr failed;
  if (!queued) {
    failed = outcome(rename);
    // Still under the lock: no write has run without the triggers.
    if (failed) put_back(*locker, plan, way_back);
    release(locker);
  } else {
    release(locker);
    failed = outcome(rename);
    if (failed) {
      // T went to a RENAME that failed: put the triggers back at once.
      auto fixer = server.open_copy_session();
      put_back(*fixer, plan, way_back);
    }
  }
  if (failed) rethrow_rename_failure(failed);
  timings.locked_ms = ms_since(locked);
  return timings;
}

}  // namespace oa::phases
