#include "migration.h"

#include <chrono>
#include <filesystem>
#include <future>
#include <iostream>

#include "log.h"
#include "phases/change_applier.h"
#include "phases/change_capture.h"
#include "phases/cleanup_stack.h"
#include "phases/cutover.h"
#include "phases/deferred_indexes.h"
#include "phases/row_copier.h"
#include "phases/row_count_check.h"
#include "phases/server_access.h"
#include "phases/shadow_table.h"
#include "phases/throttler.h"
#include "phases/verification.h"
#include "plan/migration_plan.h"
#include "plan/plan_report.h"
#include "preflight/preflight.h"
#include "schema/table_inspector.h"
#include "sql/alter_text.h"
#include "sql/ddl.h"
#include "sql/quote.h"

namespace oa {
namespace {

using Clock = std::chrono::steady_clock;

std::string seconds_text(Clock::time_point since) {
  return log::seconds_text(std::chrono::duration<double>(Clock::now() - since).count());
}

std::string verification_text(const std::optional<phases::VerifyStats>& v) {
  if (!v) return "not verified (--no-verify; row counts checked)";
  return "verified " + std::to_string(v->rows) + " rows in " + std::to_string(v->chunks) +
         " ranges, " + std::to_string(v->mismatches) + " mismatches, " +
         std::to_string(v->repaired) + " repaired";
}

plan::ReportSettings report_settings(const cli::Options& o) {
  return plan::ReportSettings{o.lock_wait_timeout, o.cutover_retries};
}

// Removes what the run created; turns a failure to do so into exit status 8.
[[noreturn]] void abort_with(phases::CleanupStack& cleanup, const Error& cause) {
  log::info("stopping: removing what this run created; the original table is untouched");
  const auto left = cleanup.unwind();
  if (left.empty()) throw cause;
  std::string list;
  for (const auto& item : left) list += "\n  " + item;
  throw Error(ExitCode::kCleanupIncomplete,
              std::string(cause.what()) + "\nThese objects could not be removed:" + list +
                  "\nRemove them by hand (see sql/recovery.sql): triggers first, then tables.");
}

// Builds the deferred indexes on the main session while the verification
// reads on a session of its own: the build runs in the server and the
// verification mostly in the client, so together they take little longer
// than the longer of the two.
phases::VerifyStats verify_while_indexing(phases::ServerAccess& server,
                                          const plan::MigrationPlan& plan,
                                          const std::vector<sql::IndexDefinition>& indexes,
                                          const phases::VerifySettings& settings,
                                          const phases::EarlyVerification& early) {
  auto reader = server.open_copy_session();
  auto build = std::async(std::launch::async,
                          [&] { phases::build_deferred_indexes(server.main(), plan, indexes); });
  phases::VerifyStats stats;
  try {
    stats = phases::verify_shadow(server, *reader, plan, settings, &early);
  } catch (...) {
    build.wait();  // cleanup must not drop the shadow under the running ALTER
    throw;
  }
  build.get();
  return stats;
}

// Steps 5-7 of --execute, after the triggers exist.
void copy_and_swap(const cli::Options& o, phases::ServerAccess& server,
                   const plan::MigrationPlan& plan,
                   const std::vector<sql::IndexDefinition>& deferred_indexes,
                   phases::CleanupStack& cleanup) {
  const auto started = Clock::now();
  phases::Throttler throttler(server.main(), {o.max_load, o.critical_load, o.pause_file});
  phases::ChangeApplier applier(plan);
  phases::RowCopier copier(
      server, plan, {o.chunk_time, o.chunk_size, o.chunk_size_max, o.sleep, o.progress_interval},
      throttler, applier);
  std::optional<phases::ConcurrentVerifier> early;
  if (o.verify) {
    early.emplace(server, plan);
    copier.on_chunk_copied([&](const std::optional<phases::Key>& lower, const phases::Key& upper) {
      early->submit(lower, upper);
    });
  }
  const phases::CopyStats stats = copier.run();
  const phases::VerifySettings verify_settings{o.chunk_size > 0 ? o.chunk_size : o.chunk_size_max,
                                               o.progress_interval};
  std::optional<phases::VerifyStats> verified;
  if (o.verify) {
    const phases::EarlyVerification found = early->finish();
    verified = verify_while_indexing(server, plan, deferred_indexes, verify_settings, found);
  } else {
    phases::build_deferred_indexes(server.main(), plan, deferred_indexes);
    phases::check_row_counts(server, plan, applier);
  }
  const bool postponed =
      !o.postpone_cutover_file.empty() && std::filesystem::exists(o.postpone_cutover_file);
  const std::uint64_t applied_while_postponed =
      phases::wait_while_postponed(server, applier, o.postpone_cutover_file);
  // A postponement can last long: the tables are compared again right before
  // the swap.
  if (o.verify && postponed) {
    auto reader = server.open_copy_session();
    verified = phases::verify_shadow(server, *reader, plan, verify_settings);
  }
  phases::CutoverResult swap;
  try {
    swap = phases::cut_over(server, plan, applier, {o.lock_wait_timeout, o.cutover_retries});
  } catch (const Error&) {
    // A lost connection can hide a RENAME that did happen: then the shadow is T
    // and must not be dropped.
    bool done = false;
    try {
      done = phases::swap_done(server, plan);
    } catch (const std::exception&) {
    }
    if (!done) throw;
    log::warning("the swap happened although the server reported an error");
  }
  cleanup.release();  // the shadow is the table now; nothing left to undo
  if (swap.late_changes > 0) {
    throw Error(ExitCode::kMigrationFailed,
                std::to_string(swap.late_changes) + " changes reached " +
                    sql::qualified_name(plan.database, plan.names.old) +
                    " after the last ones were applied, so the new table may lack them. The old "
                    "table, its triggers and the change log " +
                    sql::qualified_name(plan.database, plan.names.change_log) +
                    " (the keys of those rows) were kept for repair; see sql/recovery.sql");
  }

  bool tidy = true;
  try {
    phases::remove_capture_after_swap(server, plan);
    if (plan.drop_old_table) {
      server.main().execute(sql::drop_table_if_exists(plan.database, plan.names.old));
      log::info("dropped the old table " + sql::qualified_name(plan.database, plan.names.old));
    }
  } catch (const Error& e) {
    tidy = false;
    log::error(std::string("after the swap: ") + e.what());
  }
  std::cout << "done: " << sql::qualified_name(plan.database, plan.table) << " altered in "
            << seconds_text(started) << "; " << stats.rows_inserted << " rows copied in "
            << stats.chunks << " chunks, "
            << stats.changes_applied + applied_while_postponed + swap.changes_applied
            << " logged changes applied; " << verification_text(verified)
            << "; the table was locked for " << static_cast<long>(swap.locked_ms)
            << " ms at the swap (attempt " << swap.attempts << ")" << std::endl;
  if (!tidy) {
    throw Error(ExitCode::kCleanupIncomplete,
                "the migration succeeded, but the triggers on " +
                    sql::qualified_name(plan.database, plan.names.old) +
                    ", the change log or the old table could not be dropped; drop them by hand "
                    "(see sql/recovery.sql)");
  }
}

}  // namespace

void run_migration(const cli::Options& o) {
  const auto started = Clock::now();
  const std::string& db = o.connection.database;
  phases::ServerAccess server(o.connection, {o.lock_wait_timeout, o.cutover_retries});
  const sql::AlterText alter = sql::scan_alter_text(o.alter);
  schema::TableInspector inspector(server.main());
  log::info("connected to " + o.connection.describe());
  const schema::TableInfo original = preflight::run_preflight(inspector, db, o.table, alter);
  plan::MigrationPlan plan = plan::plan_for(original, alter.clauses, o.drop_old_table);

  if (o.mode == cli::Mode::kPlanOnly) {
    std::cout << plan::render_plan(plan, report_settings(o))
              << "Nothing was changed. Run with --dry-run to test the ALTER on a shadow table, "
                 "or --execute to migrate.\n";
    return;
  }
  phases::CleanupStack cleanup;
  try {
    const schema::TableInfo shadow = phases::create_shadow(server, plan, cleanup);
    plan = plan::with_shadow(std::move(plan), original, shadow);
    if (o.mode == cli::Mode::kDryRun) {
      std::cout << plan::render_plan(plan, report_settings(o));
      if (!cleanup.unwind().empty()) {
        throw Error(ExitCode::kCleanupIncomplete, "could not drop the shadow table " +
                                                      sql::qualified_name(db, plan.names.shadow));
      }
      std::cout << "Dry run passed: the ALTER is valid and every check passed; the shadow table "
                   "was dropped and nothing else was created.\n";
      return;
    }
    const auto deferred_indexes = phases::defer_secondary_indexes(server.main(), plan);
    phases::install_capture(server, plan, cleanup);
    copy_and_swap(o, server, plan, deferred_indexes, cleanup);
    log::info("finished in " + seconds_text(started));
  } catch (const Error& e) {
    if (cleanup.empty()) throw;
    abort_with(cleanup, e);
  }
}

}  // namespace oa
