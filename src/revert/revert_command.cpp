#include "revert/revert_command.h"

#include "db/lock_retry.h"
#include "db/retry.h"
#include "error.h"
#include "log.h"
#include "phases/change_applier.h"
#include "phases/change_capture.h"
#include "phases/checkpoint.h"
#include "phases/cleanup_stack.h"
#include "phases/cutover.h"
#include "phases/server_access.h"
#include "phases/stopped_swap.h"
#include "phases/table_removal.h"
#include "phases/verification.h"
#include "plan/revert_plan.h"
#include "revert/revert_window.h"
#include "revert/way_back.h"
#include "schema/table_inspector.h"
#include "sql/ddl.h"
#include "sql/quote.h"

namespace oa::revert {
namespace {

// The window, after putting right what a revert cut short (a crash, a
// lost connection) left: the kept table still under the shadow's name, or
// the capture set that is not on T (on _T_old or the kept table), whose
// log no revert will read.
RevertWindow read_state(phases::ServerAccess& server, const std::string& db,
                        const std::string& table, const plan::MigrationNames& names) {
  const std::string target = sql::qualified_name(db, table);
  db::Connection& c = server.main();
  schema::TableInspector inspector(c);
  auto window = read_window(c, db, table);
  if (window) {
    // The table's own triggers, should the revert have stopped while they
    // were on their way to the kept table (renamed to the shadow's name).
    plan::MigrationPlan names_only;
    names_only.database = db;
    names_only.table = table;
    names_only.names = names;
    phases::undo_stopped_swap(c, names_only);
  }
  if (window && !inspector.table_type(db, names.old) && inspector.table_type(db, names.shadow)) {
    log::warning("a revert was stopped before its swap; renaming " +
                 sql::qualified_name(db, names.shadow) + " back to " +
                 sql::qualified_name(db, names.old));
    db::with_lock_retries(c, server.ddl_policy(), "rename the kept table back",
                          [&] { c.execute(sql::rename_table(db, names.shadow, names.old)); });
  }
  if (!window || !inspector.table_type(db, names.old)) {
    throw RefusedError("nothing to revert or finalize: " + target +
                       " has no open revert window. A migration run with --revertible --execute "
                       "opens one; finalize ends it");
  }
  plan::MigrationPlan unused;
  unused.database = db;
  unused.table = table;
  unused.names = window->other_set ? names : plan::with_other_capture_set(names);
  if (inspector.trigger_exists(db, unused.names.insert_trigger) ||
      inspector.table_type(db, unused.names.change_log)) {
    log::warning("removing the capture set a stopped revert left: " +
                 sql::quoted_list({unused.names.insert_trigger, unused.names.update_trigger,
                                   unused.names.delete_trigger, unused.names.change_log}));
    phases::remove_capture_after_swap(server, unused);
  }
  return *window;
}

plan::MigrationPlan plan_of(phases::ServerAccess& server, const std::string& db,
                            const std::string& table, const RevertWindow& state) {
  schema::TableInspector inspector(server.main());
  const auto names = plan::derive_names(table);
  return plan::revert_plan(inspector.inspect(db, table), inspector.inspect(db, names.old),
                           state.pairs, state.other_set);
}

// A logged row _T_old cannot hold refuses the revert.
[[noreturn]] void refuse_misfit(const plan::MigrationPlan& plan,
                                const phases::MisfitChangeError& e) {
  throw RefusedError(
      "cannot revert: a row written to " + sql::qualified_name(plan.database, plan.table) +
      " since the swap does not fit the old schema of " +
      sql::qualified_name(plan.database, plan.names.old) + " (the server says: " + e.server_text() +
      "). Nothing was changed, and the table stays revertible; change that row "
      "so that the old schema can hold it and revert again, or keep the new "
      "schema with `" +
      finalize_command(plan.database, plan.table) + "`");
}

// The swap back. The kept table is renamed to the shadow's name first: its
// name must sort after T's, as the lock relay requires (swap_attempt.cpp),
// and nothing refers to it by name (the triggers write only their log).
phases::CutoverResult swap_back(phases::ServerAccess& server, plan::MigrationPlan& plan,
                                const cli::Options& o) {
  const std::string& db = plan.database;
  const std::string kept = plan.names.old;
  const std::string working = plan::derive_names(plan.table).shadow;
  db::Connection& c = server.main();
  db::with_lock_retries(c, server.ddl_policy(), "rename the kept table",
                        [&] { c.execute(sql::rename_table(db, kept, working)); });
  plan.names.shadow = working;
  phases::ChangeApplier applier(plan, server.retry_policy());
  const plan::MigrationPlan way_back = plan::way_back_capture(plan);
  phases::CleanupStack undo;
  undo.push("the kept table's name", [&server, db, kept, working] {
    server.cleanup().execute(sql::rename_table(db, working, kept));
  });
  try {
    phases::create_way_back_log(server, way_back, undo);
    save_pairs(c, db, plan.table, is_other_set(plan.table, way_back), plan::carried_columns(plan));
    undo.push("the way back's triggers",
              [&server, way_back] { phases::drop_way_back_triggers(server.cleanup(), way_back); });
    db::with_retries(c, server.retry_policy(), "recording the swap's start",
                     [&] { phases::Checkpoint(plan).mark_swap_begun(c, plan.user_triggers); });
    return phases::cut_over(server, plan, applier,
                            {{o.lock_wait_timeout, &way_back, nullptr}, o.cutover_retries});
  } catch (const Error&) {
    if (!phases::swap_done(server, plan)) undo.unwind();
    throw;
  }
}

}  // namespace

void run_revert(const cli::Options& o) {
  const std::string& db = o.connection.database;
  phases::ServerAccess server(o.connection, {o.lock_wait_timeout, o.cutover_retries}, {o.retries});
  log::info("connected to " + o.connection.describe());
  server.take_run_lock(db, o.table);
  const plan::MigrationNames names = plan::derive_names(o.table);
  const RevertWindow state = read_state(server, db, o.table, names);
  const std::string target = sql::qualified_name(db, o.table);
  if (state.expired) {
    throw RefusedError("the revert window of " + target + " ended at " + state.until +
                       " UTC; the kept table may no longer be wanted. End the window with `" +
                       finalize_command(db, o.table) + "`");
  }
  plan::MigrationPlan plan = plan_of(server, db, o.table, state);
  if (const auto problem = phases::capture_problem(server.main(), plan)) {
    throw RefusedError("cannot revert: " + *problem + ", so " + sql::qualified_name(db, names.old) +
                       " may lack changes made since the swap. Nothing was changed");
  }
  std::uint64_t applied = 0;
  try {
    applied = phases::ChangeApplier(plan, server.retry_policy()).apply(server.copy());
  } catch (const phases::MisfitChangeError& e) {
    refuse_misfit(plan, e);
  }
  log::info("applied " + std::to_string(applied) + " logged changes to " +
            sql::qualified_name(db, names.old));
  auto reader = server.open_copy_session();
  const phases::VerifyStats verified =
      phases::verify_shadow(server, *reader, plan, {cli::option_defaults().chunk_size_max});
  if (o.mode == cli::Mode::kDryRun) {
    log::write_stdout("dry run: " + sql::qualified_name(db, names.old) + " is in step with " +
                      target + " (" + std::to_string(verified.rows) +
                      " rows compared); a revert would swap them now. Nothing was swapped\n");
    return;
  }
  phases::CutoverResult swap;
  try {
    swap = swap_back(server, plan, o);
  } catch (const phases::MisfitChangeError& e) {
    plan.names.shadow = names.old;
    refuse_misfit(plan, e);
  }
  if (swap.late_changes > 0) {
    throw Error(ExitCode::kMigrationFailed,
                std::to_string(swap.late_changes) + " changes reached " +
                    sql::qualified_name(db, names.old) +
                    " after the last ones were applied; its capture triggers and change log "
                    "were kept for repair (sql/recovery.sql)");
  }
  phases::remove_capture_after_swap(server, plan);
  open_window(server.main(), db, o.table, o.revert_window);
  const auto window = read_window(server.main(), db, o.table);
  log::write_stdout("reverted: " + target + " has its schema from before the swap again; " +
                    std::to_string(verified.rows) + " rows verified, the table was locked for " +
                    std::to_string(static_cast<long>(swap.locked_ms)) +
                    " ms at the swap.\nThe newer table is " + sql::qualified_name(db, names.old) +
                    ", kept in step until " + (window ? window->until : "?") +
                    " UTC: revert again with `" + revert_command(db, o.table) +
                    "`, or end the window with `" + finalize_command(db, o.table) + "`\n");
}

void run_finalize(const cli::Options& o) {
  const std::string& db = o.connection.database;
  phases::ServerAccess server(o.connection, {o.lock_wait_timeout, o.cutover_retries});
  log::info("connected to " + o.connection.describe());
  server.take_run_lock(db, o.table);
  const plan::MigrationNames names = plan::derive_names(o.table);
  const RevertWindow state = read_state(server, db, o.table, names);
  plan::MigrationPlan plan;
  plan.database = db;
  plan.table = o.table;
  plan.names = state.other_set ? plan::with_other_capture_set(names) : names;
  const std::string expiry = state.expired
                                 ? "the revert window had ended at " + state.until + " UTC"
                                 : "the revert window was open until " + state.until + " UTC";
  const std::vector<std::string> removed = {
      "triggers " + sql::quoted_list({plan.names.insert_trigger, plan.names.update_trigger,
                                      plan.names.delete_trigger}),
      "change log " + sql::qualified_name(db, plan.names.change_log),
      "old table " + sql::qualified_name(db, names.old),
      "checkpoint table " + sql::qualified_name(db, names.checkpoint)};
  if (o.mode == cli::Mode::kDryRun) {
    for (const auto& r : removed) log::write_stdout("would remove " + r + "\n");
    log::write_stdout("dry run: " + expiry + "; nothing was removed\n");
    return;
  }
  // As cleanup removes them: triggers first, in one short LOCK TABLES, then
  // the tables.
  phases::CleanupStack removal;
  phases::register_table_removal(server, removal, "checkpoint table", db, names.checkpoint);
  phases::register_table_removal(server, removal, "old table", db, names.old);
  phases::register_capture_removal(server, plan, removal);
  const auto failed = removal.unwind();
  if (!failed.empty()) {
    std::string list;
    for (const auto& f : failed) list += "\n  " + f;
    throw Error(ExitCode::kCleanupIncomplete, "could not finalize " +
                                                  sql::qualified_name(db, o.table) +
                                                  "; left:" + list + "\nRun finalize again");
  }
  for (const auto& r : removed) log::write_stdout("removed " + r + "\n");
  log::write_stdout("finalized: " + sql::qualified_name(db, o.table) +
                    " keeps the schema it has now; " + expiry + "\n");
}

}  // namespace oa::revert
