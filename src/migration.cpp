#include "migration.h"

#include <chrono>
#include <filesystem>
#include <future>
#include <sstream>

#include "db/retry.h"
#include "hooks/run_hooks.h"
#include "interrupt.h"
#include "log.h"
#include "phases/change_applier.h"
#include "phases/change_capture.h"
#include "phases/checkpoint.h"
#include "phases/cleanup_stack.h"
#include "phases/cutover.h"
#include "phases/cutover_gate.h"
#include "phases/deferred_indexes.h"
#include "phases/flow_control.h"
#include "phases/foreign_keys.h"
#include "phases/resume_check.h"
#include "phases/row_copier.h"
#include "phases/row_count_check.h"
#include "phases/run_lock.h"
#include "phases/server_access.h"
#include "phases/shadow_table.h"
#include "phases/stopped_swap.h"
#include "phases/table_guard.h"
#include "phases/throttler.h"
#include "phases/unique_check.h"
#include "phases/verification.h"
#include "plan/migration_plan.h"
#include "plan/plan_report.h"
#include "plan/revert_plan.h"
#include "preflight/preflight.h"
#include "replication/lag_monitor.h"
#include "replication/replica_set.h"
#include "revert/revert_window.h"
#include "revert/way_back.h"
#include "schema/table_inspector.h"
#include "sql/alter_text.h"
#include "sql/ddl.h"
#include "sql/quote.h"
#include "status/phase.h"

namespace oa {
namespace {

using Clock = std::chrono::steady_clock;
using status::enter_phase;

using status::Phase;

// What a finished run says: `text` on stdout, and `fields` in a "result"
// event, which the JSON summary carries (as it carries the text).
void report(const std::string& text, const log::Fields& fields = {}) {
  log::write_stdout(text);
  if (!fields.empty()) log::event(log::Level::kInfo, "result", "", fields);
}

std::string seconds_text(Clock::time_point since) {
  return log::seconds_text(std::chrono::duration<double>(Clock::now() - since).count());
}

std::string verification_text(const std::optional<phases::VerifyStats>& v) {
  if (!v) return "not verified (--no-verify; row counts checked)";
  return "verified " + std::to_string(v->rows) + " rows in " + std::to_string(v->chunks) +
         " ranges, " + std::to_string(v->mismatches) + " mismatches, " +
         std::to_string(v->repaired) + " repaired";
}

using Replicas = std::vector<replication::Replica>;

plan::ReportSettings report_settings(const cli::Options& o, const Replicas& replicas) {
  plan::ReportSettings settings{o.lock_wait_timeout, o.cutover_retries, {}, o.max_lag};
  for (const auto& r : replicas) settings.replicas.push_back(r.name + " (" + r.found_by + ")");
  return settings;
}

// The replicas whose lag the copy heeds, found before anything is created.
Replicas watched_replicas(const cli::Options& o, phases::ServerAccess& server) {
  Replicas replicas =
      replication::find_replicas(server.main(), o.connection, {o.recursion_methods, o.replicas});
  for (const auto& r : replicas) {
    log::info("watching the lag of replica " + r.name + " (found by " + r.found_by + ")");
  }
  if (replicas.empty()) log::info("no replicas to watch (see --replica and --recursion-method)");
  return replicas;
}

std::string chunk_settings_text(const cli::Options& o) {
  std::ostringstream text;
  text << "--chunk-time " << o.chunk_time << " --chunk-size " << o.chunk_size
       << " --chunk-size-max " << o.chunk_size_max << " --sleep " << o.sleep;
  return text.str();
}

std::string cleanup_command(const plan::MigrationPlan& plan) {
  return "online-alter cleanup --database " + plan.database + " --table " + plan.table;
}

// Removes what the run created, or with --keep-for-resume (once the
// checkpoint exists) keeps all of it; turns a failure to remove into exit
// status 8.
[[noreturn]] void stop_with(const cli::Options& o, const plan::MigrationPlan& plan,
                            phases::CleanupStack& cleanup, bool resumable, const Error& cause) {
  if (o.keep_for_resume && resumable) {
    cleanup.release();
    throw Error(cause.code(),
                std::string(cause.what()) +
                    "\nKept the shadow table, the change log, the triggers and the checkpoint "
                    "(--keep-for-resume); the triggers go on logging the application's changes. "
                    "Continue with the same command plus --resume, or remove them with `" +
                    cleanup_command(plan) + "`");
  }
  enter_phase(Phase::kCleanup);
  log::info("stopping: removing what this run created; the original table is untouched");
  const auto left = cleanup.unwind();
  if (left.empty()) throw cause;
  std::string list;
  for (const auto& item : left) list += "\n  " + item;
  throw Error(ExitCode::kCleanupIncomplete,
              std::string(cause.what()) + "\nThese objects could not be removed:" + list +
                  "\nRemove them with `" + cleanup_command(plan) + "`");
}

// Builds the deferred indexes on the main session while the verification
// reads on a session of its own: the build runs in the server and the
// verification mostly in the client, so together they take little longer
// than the longer of the two.
phases::VerifyStats verify_while_indexing(phases::ServerAccess& server,
                                          const plan::MigrationPlan& plan,
                                          const std::vector<sql::IndexDefinition>& indexes,
                                          const phases::VerifySettings& settings) {
  auto reader = server.open_copy_session();
  auto build = std::async(std::launch::async, [&] {
    db::with_retries(server.main(), server.retry_policy(), "building the deferred indexes",
                     [&] { phases::build_deferred_indexes(server.main(), plan, indexes); });
  });
  phases::VerifyStats stats;
  try {
    stats = phases::verify_shadow(server, *reader, plan, settings);
  } catch (...) {
    build.wait();  // cleanup must not drop the shadow under the running ALTER
    throw;
  }
  build.get();
  return stats;
}

// After the swap: the triggers and the change log (on _T_old now), the
// checkpoint and, unless kept, the old table. False when one could not go.
// With --revertible the checkpoint stays: it holds the revert window.
bool remove_after_swap(phases::ServerAccess& server, const plan::MigrationPlan& plan,
                       bool revertible = false) {
  try {
    phases::remove_capture_after_swap(server, plan);
    if (!revertible) {
      db::with_retries(server.main(), server.retry_policy(), "dropping the checkpoint", [&] {
        server.main().execute(sql::drop_table_if_exists(plan.database, plan.names.checkpoint));
      });
    }
    if (plan.drop_old_table) {
      db::with_retries(server.main(), server.retry_policy(), "dropping the old table", [&] {
        server.main().execute(sql::drop_table_if_exists(plan.database, plan.names.old));
      });
      log::info("dropped the old table " + sql::qualified_name(plan.database, plan.names.old));
    }
    return true;
  } catch (const Error& e) {
    log::error(std::string("after the swap: ") + e.what());
    return false;
  }
}

[[noreturn]] void throw_untidy(const plan::MigrationPlan& plan) {
  throw Error(ExitCode::kCleanupIncomplete,
              "the migration succeeded, but the triggers on " +
                  sql::qualified_name(plan.database, plan.names.old) +
                  ", the change log, the checkpoint or the old table could not be dropped; "
                  "remove them with `" +
                  cleanup_command(plan) + (plan.drop_old_table ? " --drop-old-table" : "") + "`");
}

// The numbers of a finished run, for the summary.
log::Fields result_fields(const phases::CopyStats& copy, std::uint64_t changes,
                          const std::optional<phases::VerifyStats>& verified,
                          const phases::CutoverResult& swap) {
  log::Fields fields = {{"rows_inserted", copy.rows_inserted},
                        {"changes_applied", changes},
                        {"lock_retries", copy.lock_retries},
                        {"verified", verified.has_value()}};
  if (verified) {
    fields.push_back({"verified_ranges", verified->chunks});
    fields.push_back({"verified_rows", verified->rows});
    fields.push_back({"mismatches", verified->mismatches});
    fields.push_back({"repaired", verified->repaired});
  }
  fields.push_back({"locked_ms", swap.locked_ms});
  fields.push_back({"cutover_attempts", std::uint64_t{swap.attempts}});
  return fields;
}

// The indexes built after the copy. None on Galera: the ALTER that builds
// them runs in TOI, and every node's writes wait behind it for its whole
// length, so there the copy fills the indexes as it goes.
std::vector<sql::IndexDefinition> indexes_to_defer(phases::ServerAccess& server,
                                                   const plan::MigrationPlan& plan) {
  if (plan.galera) return {};
  return phases::deferrable_indexes(server.main(), plan);
}

// Where a resumed run picks up (a fresh run starts at the copy's beginning),
// and T as the run began, which T must still be at the swap.
struct Continuation {
  phases::Stage stage = phases::Stage::kCopying;
  phases::CopyStart copy;
  phases::TableState original;
};

// --revertible, after the swap: records the window and says how to use it.
std::string open_revert_window(const cli::Options& o, phases::ServerAccess& server,
                               const plan::MigrationPlan& plan) {
  const std::string& db = plan.database;
  db::with_retries(server.main(), server.retry_policy(), "recording the revert window",
                   [&] { revert::open_window(server.main(), db, plan.table, o.revert_window); });
  const auto window = revert::read_window(server.main(), db, plan.table);
  return "revertible until " + (window ? window->until : std::string("?")) +
         " UTC: " + sql::qualified_name(db, plan.names.old) + " is kept in step; go back with `" +
         revert::revert_command(db, plan.table) + "`, or keep the new schema with `" +
         revert::finalize_command(db, plan.table) + "`\n";
}

// Steps 5-7 of --execute, after the triggers exist.
void copy_and_swap(const cli::Options& o, const control::RunControls& controls,
                   phases::ServerAccess& server, const plan::MigrationPlan& plan,
                   const std::vector<sql::IndexDefinition>& deferred_indexes,
                   phases::CleanupStack& cleanup, phases::Checkpoint& checkpoint,
                   const Continuation& from, const Replicas& replicas) {
  const auto started = Clock::now();
  // Watches the replicas from before the copy to the swap, then drops its
  // heartbeat; on Galera, flow control pauses the copy too.
  std::optional<replication::LagMonitor> lag;
  std::vector<phases::PauseSignal*> replica_signals;
  if (!replicas.empty()) {
    lag.emplace(
        o.connection, replicas,
        replication::LagSettings{o.max_lag, o.check_interval, plan.database, plan.names.heartbeat});
    replica_signals.push_back(&*lag);
  }
  std::unique_ptr<phases::FlowControlSignal> flow_control;
  std::vector<phases::PauseSignal*> signals = replica_signals;
  if (plan.galera) {
    flow_control = std::make_unique<phases::FlowControlSignal>(
        db::Connection::open(server.settings()), o.max_flow_ctl,
        std::chrono::milliseconds(static_cast<long>(o.check_interval * 1000)),
        server.retry_policy());
    signals.push_back(flow_control.get());
  }
  phases::Throttler throttler(server.main(), {o.max_load, o.critical_load, o.pause_file,
                                              server.retry_policy(), &controls, signals});
  phases::ChangeApplier applier(plan, server.retry_policy());
  phases::RowCopier copier(server, plan,
                           {o.chunk_time, o.chunk_size, o.chunk_size_max, o.sleep, &controls},
                           throttler, applier, checkpoint);
  phases::CopyStats stats;
  hooks::before_copy();
  enter_phase(Phase::kCopy);
  if (from.stage != phases::Stage::kCopied) {
    stats = copier.run(from.copy);
    db::with_retries(server.main(), server.retry_policy(), "recording the end of the copy",
                     [&] { checkpoint.set_stage(server.main(), phases::Stage::kCopied); });
  } else {
    stats.rows_inserted = from.copy.rows;
    stats.chunks = from.copy.chunks;
    log::info("the copy had finished before the run was stopped");
  }
  interrupt::check("after the copy");
  db::with_retries(server.main(), server.retry_policy(), "checking the table",
                   [&] { phases::check_table_unchanged(server.main(), plan, from.original); });
  const phases::VerifySettings verify_settings{o.chunk_size > 0 ? o.chunk_size : o.chunk_size_max};
  std::optional<phases::VerifyStats> verified;
  enter_phase(Phase::kVerify);
  if (o.verify) {
    verified = verify_while_indexing(server, plan, deferred_indexes, verify_settings);
  } else {
    db::with_retries(server.main(), server.retry_policy(), "building the deferred indexes", [&] {
      phases::build_deferred_indexes(server.main(), plan, deferred_indexes);
    });
    phases::check_row_counts(server, plan, applier);
  }
  const phases::Postponement held =
      phases::hold_cutover(server, applier, o.postpone_cutover_file, &controls, replica_signals);
  const bool postponed = held.postponed;
  const std::uint64_t applied_while_postponed = held.applied;
  // A postponement can last long: the tables are compared again right before
  // the swap.
  if (o.verify && postponed) {
    enter_phase(Phase::kVerify);
    auto reader = server.open_copy_session();
    verified = phases::verify_shadow(server, *reader, plan, verify_settings);
  }
  server.check_run_lock();
  std::optional<plan::MigrationPlan> way_back;
  if (o.revertible) {
    way_back = plan::way_back_capture(plan);
    phases::create_way_back_log(server, *way_back, cleanup);
    revert::save_pairs(server.main(), plan.database, plan.table,
                       revert::is_other_set(plan.table, *way_back), plan::carried_columns(plan));
  }
  phases::CutoverResult swap;
  enter_phase(Phase::kCutover);
  db::with_retries(server.main(), server.retry_policy(), "recording the swap's start",
                   [&] { checkpoint.mark_swap_begun(server.main(), plan.user_triggers); });
  try {
    const phases::SwapSettings swap_settings{o.lock_wait_timeout, way_back ? &*way_back : nullptr,
                                             &from.original};
    swap = phases::cut_over(server, plan, applier, {swap_settings, o.cutover_retries});
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
  const interrupt::Deferred finishing;  // the rest is quick, and undoes nothing
  cleanup.release();                    // the shadow is the table now; nothing left to undo
  if (swap.late_changes > 0) {
    throw Error(ExitCode::kMigrationFailed,
                std::to_string(swap.late_changes) + " changes reached " +
                    sql::qualified_name(plan.database, plan.names.old) +
                    " after the last ones were applied, so the new table may lack them. The old "
                    "table, its triggers and the change log " +
                    sql::qualified_name(plan.database, plan.names.change_log) +
                    " (the keys of those rows) were kept for repair; see sql/recovery.sql");
  }
  enter_phase(Phase::kCleanup);
  const bool tidy = remove_after_swap(server, plan, o.revertible);
  std::string way_back_note;
  if (o.revertible) way_back_note = open_revert_window(o, server, plan);
  const std::uint64_t changes =
      stats.changes_applied + applied_while_postponed + swap.changes_applied;
  std::ostringstream done;
  done << "done: " << sql::qualified_name(plan.database, plan.table) << " altered in "
       << seconds_text(started) << "; " << stats.rows_inserted << " rows copied in " << stats.chunks
       << " chunks, " << changes << " logged changes applied; " << verification_text(verified)
       << "; the table was locked for " << static_cast<long>(swap.locked_ms)
       << " ms at the swap (attempt " << swap.attempts << ")\n"
       << way_back_note;
  report(done.str(), result_fields(stats, changes, verified, swap));
  if (!tidy) throw_untidy(plan);
  if (!swap.children_with_orphans.empty()) {
    std::string list;
    for (const auto& c : swap.children_with_orphans) list += (list.empty() ? "" : ", ") + c;
    throw Error(ExitCode::kMigrationFailed,
                "the swap is done, but rows of " + list + " reference no row of " +
                    sql::qualified_name(plan.database, plan.table) +
                    "; the log names the constraints. Find those rows before they cause errors");
  }
}

// A fresh --execute: steps 3-7.
void migrate(const cli::Options& o, const control::RunControls& controls,
             phases::ServerAccess& server, plan::MigrationPlan plan,
             const schema::TableInfo& original, phases::CleanupStack& cleanup, bool& resumable,
             const Replicas& replicas) {
  enter_phase(Phase::kShadow);
  const std::string original_definition =
      phases::table_definition(server.main(), plan.database, plan.table);
  const schema::TableInfo shadow = phases::create_shadow(server, plan, cleanup);
  if (plan.galera && (shadow.indexes.empty() || shadow.indexes.front().name != "PRIMARY")) {
    throw RefusedError(
        "the ALTER leaves the table without a PRIMARY KEY, which Galera needs to "
        "certify and apply its rows; keep or add one");
  }
  plan = plan::with_shadow(std::move(plan), original, shadow);
  if (o.revertible) revert::check_revertible(plan, shadow);
  phases::check_new_unique_keys(server.main(), plan, original, shadow);
  if (o.mode == cli::Mode::kDryRun) {
    enter_phase(Phase::kCleanup);
    if (!cleanup.unwind().empty()) {
      throw Error(ExitCode::kCleanupIncomplete,
                  "could not drop the shadow table " +
                      sql::qualified_name(plan.database, plan.names.shadow));
    }
    const std::string way_back =
        o.revertible ? revert::way_back_text(plan, original, shadow, o.revert_window) : "";
    report(plan::render_plan(plan, report_settings(o, replicas)) + way_back +
           "Dry run passed: the ALTER is valid and every check passed; the shadow table was "
           "dropped and nothing else was created.\n");
    return;
  }
  phases::Checkpoint checkpoint(plan);
  checkpoint.create(server, plan, original_definition, chunk_settings_text(o), cleanup);
  resumable = true;
  // Saved before they are dropped, so that a run stopped in between still
  // knows which indexes the new table must get.
  const auto deferred = indexes_to_defer(server, plan);
  checkpoint.save_deferred_indexes(server.main(), deferred);
  phases::drop_deferred_indexes(server.main(), plan, deferred);
  interrupt::check("before the triggers were installed");
  enter_phase(Phase::kTriggers);
  phases::install_capture(server, plan, cleanup);
  db::with_retries(server.main(), server.retry_policy(), "recording the stage",
                   [&] { checkpoint.set_stage(server.main(), phases::Stage::kCopying); });
  Continuation from;
  from.original = {original_definition, plan.user_triggers};
  copy_and_swap(o, controls, server, plan, deferred, cleanup, checkpoint, from, replicas);
}

// --resume: picks up a stopped run where its checkpoint says.
void resume(const cli::Options& o, const control::RunControls& controls,
            phases::ServerAccess& server, plan::MigrationPlan plan,
            const schema::TableInfo& original, phases::CleanupStack& cleanup, bool& resumable,
            const Replicas& replicas) {
  // Without a checkpoint, an old table may be one a finished run kept on
  // purpose: nothing is touched then.
  const phases::SavedCheckpoint saved = phases::read_resumable_checkpoint(server, plan);
  if (phases::swap_done(server, plan)) {
    log::info("the stopped run had already swapped the tables; removing what it left");
    enter_phase(Phase::kCleanup);
    // A --revertible run stopped after its swap: its way back is in place.
    const bool revertible = schema::TableInspector(server.main())
                                .trigger_exists(plan.database, plan.names.other_insert_trigger);
    if (revertible) plan.drop_old_table = false;
    if (!remove_after_swap(server, plan, revertible)) throw_untidy(plan);
    if (revertible) log::write_stdout(open_revert_window(o, server, plan));
    report("done: " + sql::qualified_name(plan.database, plan.table) +
           " had been altered before the run was stopped; its leftovers are removed\n");
    return;
  }
  phases::check_original_unchanged(server, plan, saved);
  plan = phases::resumable_plan(server, std::move(plan), original, saved);
  log::info("resuming the run begun at " + saved.started_at + " (" + saved.chunk_settings + "): " +
            std::to_string(saved.rows_copied) + " rows copied in " + std::to_string(saved.chunks) +
            " chunks; this run copies with " + chunk_settings_text(o));
  phases::Checkpoint checkpoint(plan);
  // From here on a failure removes everything, as in a fresh run.
  phases::register_shadow_removal(server, plan, cleanup);
  checkpoint.register_removal(server, cleanup);
  phases::register_capture_removal(server, plan, cleanup);
  resumable = true;
  Continuation from{saved.stage,
                    {saved.copied_up_to, saved.copy_end, saved.rows_copied, saved.chunks},
                    {saved.original_definition, saved.own_triggers}};
  std::vector<sql::IndexDefinition> deferred;
  if (saved.deferred_indexes) {
    deferred = *saved.deferred_indexes;
  } else {
    deferred = indexes_to_defer(server, plan);
    checkpoint.save_deferred_indexes(server.main(), deferred);
  }
  if (saved.stage == phases::Stage::kPreparing) {
    // Nothing was copied yet: the triggers may be incomplete, so they are
    // made again, and the copy starts from the beginning.
    phases::drop_deferred_indexes(server.main(), plan, deferred);
    phases::reinstall_capture_triggers(server, plan);
    checkpoint.set_stage(server.main(), phases::Stage::kCopying);
    from.stage = phases::Stage::kCopying;
    from.copy = phases::CopyStart{};
  }
  copy_and_swap(o, controls, server, plan, deferred, cleanup, checkpoint, from, replicas);
}

}  // namespace

void run_migration(const cli::Options& o, const control::RunControls& controls) {
  const auto started = Clock::now();
  const std::string& db = o.connection.database;
  phases::ServerAccess server(o.connection, {o.lock_wait_timeout, o.cutover_retries}, {o.retries},
                              !o.allow_lossy);
  const sql::AlterText alter = sql::scan_alter_text(o.alter);
  schema::TableInspector inspector(server.main());
  log::info("connected to " + o.connection.describe());
  enter_phase(Phase::kPreflight);
  // Before the checks: two runs must not both find the names free.
  if (o.mode != cli::Mode::kPlanOnly) server.take_run_lock(db, o.table);
  revert::refuse_if_window_open(server.main(), db, o.table, "another migration");
  if (o.resume) {
    plan::MigrationPlan names_only;
    names_only.database = db;
    names_only.table = o.table;
    names_only.names = plan::derive_names(o.table);
    phases::undo_stopped_swap(server.main(), names_only);
  }
  const schema::TableInfo original =
      preflight::run_preflight(inspector, db, o.table, alter,
                               {o.resume, o.allow_on_replica, o.rebuild_child_constraints,
                                o.mode == cli::Mode::kExecute || o.resume});
  plan::MigrationPlan plan =
      plan::plan_for(original, alter.clauses, o.drop_old_table && !o.revertible);
  plan.allow_lossy = o.allow_lossy;
  const schema::ServerRole role = inspector.server_role();
  plan.galera = role.wsrep_on;
  plan.cluster_nodes = role.cluster_size;
  const Replicas replicas = watched_replicas(o, server);

  if (o.mode == cli::Mode::kPlanOnly) {
    report(plan::render_plan(plan, report_settings(o, replicas)) +
           "Nothing was changed. Run with --dry-run to test the ALTER on a shadow table, or "
           "--execute to migrate.\n");
    return;
  }
  phases::CleanupStack cleanup;
  bool resumable = false;  // set once the checkpoint exists
  try {
    if (o.resume) {
      resume(o, controls, server, plan, original, cleanup, resumable, replicas);
    } else {
      migrate(o, controls, server, plan, original, cleanup, resumable, replicas);
    }
    if (o.mode == cli::Mode::kExecute) log::info("finished in " + seconds_text(started));
    enter_phase(Phase::kDone);
  } catch (const phases::RunLockLost&) {
    cleanup.release();  // the objects may belong to the run that holds the lock now
    throw;
  } catch (const Error& e) {
    if (cleanup.empty()) throw;
    stop_with(o, plan, cleanup, resumable, e);
  }
}

}  // namespace oa
