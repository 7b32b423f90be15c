#include "cleanup_command.h"

#include <algorithm>

#include "db/lock_retry.h"
#include "error.h"
#include "log.h"
#include "phases/change_capture.h"
#include "phases/cleanup_stack.h"
#include "phases/server_access.h"
#include "phases/stopped_swap.h"
#include "phases/table_removal.h"
#include "plan/migration_plan.h"
#include "revert/revert_window.h"
#include "schema/table_inspector.h"
#include "sql/ddl.h"
#include "sql/queries.h"
#include "sql/quote.h"

namespace oa {
namespace {

// What is left, in the order it is removed (the reverse of pushing).
struct Leftovers {
  std::vector<std::string> found;  // for the listing
  phases::CleanupStack removal;
};

void drop_table_later(phases::ServerAccess& server, Leftovers& left, const std::string& db,
                      const std::string& table, const std::string& what) {
  left.found.push_back(what + " " + sql::qualified_name(db, table));
  phases::register_table_removal(server, left.removal, what, db, table);
}

}  // namespace

void run_cleanup(const cli::Options& o) {
  const std::string& db = o.connection.database;
  phases::ServerAccess server(o.connection, {o.lock_wait_timeout, o.cutover_retries});
  log::info("connected to " + o.connection.describe());
  server.take_run_lock(db, o.table);
  revert::refuse_if_window_open(server.main(), db, o.table, "a cleanup");
  plan::MigrationPlan plan;
  plan.database = db;
  plan.table = o.table;
  plan.names = plan::derive_names(o.table);
  const plan::MigrationNames& n = plan.names;
  schema::TableInspector inspector(server.main());
  auto exists = [&](const std::string& table) {
    return inspector.table_type(db, table).has_value();
  };

  const bool swapped = exists(n.old) && !exists(n.shadow);
  if (swapped && exists(n.change_log) &&
      server.main().query_number(sql::count_rows(db, n.change_log)) > 0) {
    throw RefusedError(
        "the change log " + sql::qualified_name(db, n.change_log) +
        " is not empty although the tables were swapped: changes reached " +
        sql::qualified_name(db, n.old) +
        " after the last ones were applied, and the new table may lack them. Compare those rows "
        "first (sql/recovery.sql, step 4); nothing was removed");
  }

  if (o.mode != cli::Mode::kDryRun) {
    for (const auto& line : phases::undo_stopped_swap(server.main(), plan)) {
      log::write_stdout(line + "\n");
    }
  }
  Leftovers left;
  if (o.remove_old_table && exists(n.old)) drop_table_later(server, left, db, n.old, "old table");
  if (exists(n.checkpoint)) drop_table_later(server, left, db, n.checkpoint, "checkpoint table");
  if (exists(n.heartbeat)) drop_table_later(server, left, db, n.heartbeat, "heartbeat table");
  if (exists(n.shadow)) drop_table_later(server, left, db, n.shadow, "shadow table");
  // Both capture sets: the second is a --revertible run's, left without a
  // window when that run stopped right after its swap.
  for (const bool other : {false, true}) {
    plan::MigrationPlan capture = plan;
    if (other) capture.names = plan::with_other_capture_set(n);
    const plan::MigrationNames& c = capture.names;
    std::vector<std::string> triggers;
    for (const auto* t : {&c.insert_trigger, &c.update_trigger, &c.delete_trigger}) {
      if (inspector.trigger_exists(db, *t)) triggers.push_back(*t);
    }
    const bool has_log = exists(c.change_log);
    if (!has_log && triggers.empty()) continue;
    if (has_log) left.found.push_back("change log " + sql::qualified_name(db, c.change_log));
    for (auto t = triggers.rbegin(); t != triggers.rend(); ++t) {
      left.found.push_back("trigger " + sql::qualified_name(db, *t));
    }
    // Triggers first, in one short LOCK TABLES, then the log.
    phases::register_capture_removal(server, capture, left.removal);
  }
  std::reverse(left.found.begin(), left.found.end());

  const std::string target = sql::qualified_name(db, o.table);
  if (left.found.empty()) {
    log::write_stdout("nothing to remove: online-alter left no object next to " + target + "\n");
  } else if (o.mode == cli::Mode::kDryRun) {
    for (const auto& f : left.found) log::write_stdout("would remove " + f + "\n");
    log::write_stdout("dry run: nothing was removed\n");
    return;
  } else {
    const auto failed = left.removal.unwind();
    if (!failed.empty()) {
      std::string list;
      for (const auto& f : failed) list += "\n  " + f;
      throw Error(ExitCode::kCleanupIncomplete,
                  "could not remove everything next to " + target + ":" + list +
                      "\nRun the cleanup again, or see sql/recovery.sql");
    }
    for (const auto& f : left.found) log::write_stdout("removed " + f + "\n");
  }
  if (!o.remove_old_table && exists(n.old)) {
    log::write_stdout("kept " + sql::qualified_name(db, n.old) +
                      ", the table as it was before the swap; add --drop-old-table to remove it\n");
  }
}

}  // namespace oa
