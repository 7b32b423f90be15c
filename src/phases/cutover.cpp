#include "phases/cutover.h"

#include <chrono>

#include "db/db_error.h"
#include "db/lock_retry.h"
#include "db/retry.h"
#include "error.h"
#include "interrupt.h"
#include "log.h"
#include "phases/foreign_keys.h"
#include "phases/swap_attempt.h"
#include "schema/table_inspector.h"
#include "sql/ddl.h"
#include "sql/quote.h"

namespace oa::phases {
namespace {

// Before locking T the log is applied in rounds until a round finds at most
// this many entries: the ones logged meanwhile are applied under the lock.
constexpr std::uint64_t kFewChanges = 50;
constexpr int kMaxCatchUpRounds = 20;  // a write load the applier cannot outrun

}  // namespace

CutoverResult cut_over(ServerAccess& server, const plan::MigrationPlan& plan,
                       ChangeApplier& applier, const CutoverSettings& settings) {
  CutoverResult result;
  interrupt::check("before the swap");
  // From here on the swap either happens whole or is not tried: a signal is
  // only noted.
  const interrupt::Deferred deferred;
  // Without fresh statistics the optimizer would plan the application's first
  // queries against the new table blind.
  db::with_retries(server.main(), server.retry_policy(), "refreshing the statistics", [&] {
    server.main().query(sql::analyze_table(plan.database, plan.names.shadow));
  });
  const db::LockRetryPolicy policy{settings.swap.lock_wait_timeout, settings.retries};
  auto catch_up = [&] {
    for (int round = 0; round < kMaxCatchUpRounds; ++round) {
      const std::uint64_t n = applier.apply(server.copy());
      result.changes_applied += n;
      if (n <= kFewChanges) break;
    }
  };
  try {
    db::with_retries(server.main(), server.retry_policy(), "the swap", [&] {
      // A lost connection can hide a RENAME that did happen.
      if (result.attempts > 0 && swap_done(server, plan)) return;
      db::with_lock_retries(server.main(), policy, "swap the tables", [&] {
        ++result.attempts;
        const SwapTimings t = attempt_swap(server, plan, applier, settings.swap, catch_up);
        result.locked_ms = t.locked_ms;
        result.changes_applied += t.changes_applied;
        log::info("swap: waited " + log::ms_text(t.lock_wait_ms) + " for the lock on " +
                  sql::quote_identifier(plan.table) + ", then held it " +
                  log::ms_text(t.locked_ms) + " (" + std::to_string(t.changes_applied) +
                  " last changes applied)");
      });
    });
  } catch (const db::DbError& e) {
    if (!e.is_lock_conflict()) throw;
    throw Error(ExitCode::kCutoverFailed,
                "could not take the locks for the swap in " + std::to_string(settings.retries) +
                    " attempts of " + std::to_string(settings.swap.lock_wait_timeout) +
                    " s; a long transaction or query is holding " +
                    sql::qualified_name(plan.database, plan.table) +
                    ". Find it in SHOW PROCESSLIST, then run again (or raise --cutover-retries)");
  }
  log::info("swapped: " + sql::qualified_name(plan.database, plan.table) + " is now the table " +
            sql::quote_identifier(plan.names.shadow) + " was; the one it replaced is " +
            sql::qualified_name(plan.database, plan.names.old));
  if (!plan.child_foreign_keys.empty()) {
    db::with_retries(server.main(), server.retry_policy(), "checking the child tables", [&] {
      result.children_with_orphans = check_child_constraints(server.main(), plan);
    });
  }
  db::with_retries(server.main(), server.retry_policy(), "counting late changes",
                   [&] { result.late_changes = applier.logged(server.main()); });
  return result;
}

bool swap_done(ServerAccess& server, const plan::MigrationPlan& plan) {
  schema::TableInspector inspector(server.cleanup());
  return inspector.table_type(plan.database, plan.names.old).has_value() &&
         !inspector.table_type(plan.database, plan.names.shadow).has_value();
}

}  // namespace oa::phases
