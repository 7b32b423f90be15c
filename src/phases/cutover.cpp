#include "phases/cutover.h"

#include <chrono>
#include <filesystem>
#include <thread>

#include "db/db_error.h"
#include "db/lock_retry.h"
#include "error.h"
#include "log.h"
#include "schema/table_inspector.h"
#include "sql/ddl.h"
#include "sql/quote.h"

namespace oa::phases {
namespace {

constexpr auto kPostponePoll = std::chrono::milliseconds(500);
constexpr auto kPostponeReminder = std::chrono::seconds(60);

void wait_while_postponed(const std::string& file) {
  if (file.empty() || !std::filesystem::exists(file)) return;
  log::info("copy complete; cut-over postponed while " + file +
            " exists (the triggers keep the new table in sync). Remove the file to swap");
  auto reminded = std::chrono::steady_clock::now();
  while (std::filesystem::exists(file)) {
    std::this_thread::sleep_for(kPostponePoll);
    if (std::chrono::steady_clock::now() - reminded > kPostponeReminder) {
      log::info("cut-over still postponed by " + file);
      reminded = std::chrono::steady_clock::now();
    }
  }
  log::info("postpone file removed; cutting over");
}

}  // namespace

void cut_over(ServerAccess& server, const plan::MigrationPlan& plan,
              const CutoverSettings& settings) {
  wait_while_postponed(settings.postpone_file);
  db::Connection& c = server.main();
  // Without fresh statistics the optimizer would plan the application's first
  // queries against the new table blind.
  c.query(sql::analyze_table(plan.database, plan.names.shadow));
  const db::LockRetryPolicy policy{settings.lock_wait_timeout, settings.retries};
  try {
    db::with_lock_retries(c, policy, "swap the tables", [&] {
      c.execute(sql::swap_tables(plan.database, plan.table, plan.names.old, plan.names.shadow));
    });
  } catch (const db::DbError& e) {
    if (!e.is_lock_conflict()) throw;
    throw Error(ExitCode::kCutoverFailed,
                "could not take the locks for the swap in " + std::to_string(settings.retries) +
                    " attempts of " + std::to_string(settings.lock_wait_timeout) +
                    " s; a long transaction or query is holding " +
                    sql::qualified_name(plan.database, plan.table) +
                    ". Find it in SHOW PROCESSLIST, then run again (or raise --cutover-retries)");
  }
  log::info("swapped: " + sql::qualified_name(plan.database, plan.table) +
            " now has the new schema; the original is " +
            sql::qualified_name(plan.database, plan.names.old));
}

bool swap_done(ServerAccess& server, const plan::MigrationPlan& plan) {
  schema::TableInspector inspector(server.cleanup());
  return inspector.table_type(plan.database, plan.names.old).has_value() &&
         !inspector.table_type(plan.database, plan.names.shadow).has_value();
}

}  // namespace oa::phases
