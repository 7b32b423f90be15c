#include "phases/resume_check.h"

#include "db/db_error.h"
#include "error.h"
#include "log.h"
#include "phases/change_capture.h"
#include "phases/table_guard.h"
#include "schema/table_inspector.h"
#include "sql/quote.h"

namespace oa::phases {
namespace {

std::string start_over(const plan::MigrationPlan& plan) {
  return ". Remove what the stopped run left with `online-alter cleanup --database " +
         plan.database + " --table " + plan.table + "`, then start again without --resume";
}

}  // namespace

SavedCheckpoint read_resumable_checkpoint(ServerAccess& server, const plan::MigrationPlan& plan) {
  db::Connection& c = server.main();
  const Checkpoint checkpoint(plan);
  const std::string where = sql::qualified_name(plan.database, plan.names.checkpoint);
  std::optional<SavedCheckpoint> saved;
  try {
    saved = checkpoint.read(c);
  } catch (const db::DbError& e) {
    if (e.server_code() != db::kErrNoSuchTable) throw;
  }
  if (!saved) {
    throw RefusedError("nothing to resume: there is no checkpoint " + where +
                       " (a run leaves one only when it was stopped before the swap). Run "
                       "without --resume to start a migration");
  }
  if (saved->tool_version != ONLINE_ALTER_VERSION) {
    throw RefusedError("the stopped run was made by online-alter " + saved->tool_version +
                       ", this is " + ONLINE_ALTER_VERSION + "; resume it with that version, or" +
                       start_over(plan).substr(1));
  }
  if (saved->alter_text != plan.alter_clauses) {
    throw RefusedError("the stopped run's ALTER was \"" + saved->alter_text + "\", not \"" +
                       plan.alter_clauses + "\"; resume with the same --alter, or" +
                       start_over(plan).substr(1));
  }
  return *saved;
}

void check_original_unchanged(ServerAccess& server, const plan::MigrationPlan& plan,
                              const SavedCheckpoint& saved) {
  const TableState then{saved.original_definition, saved.own_triggers};
  if (const auto change = table_change(then, table_state(server.main(), plan))) {
    throw RefusedError(sql::qualified_name(plan.database, plan.table) +
                       " was changed since the stopped run began (" + *change +
                       "), so its copy no longer matches it" + start_over(plan));
  }
}

plan::MigrationPlan resumable_plan(ServerAccess& server, plan::MigrationPlan plan,
                                   const schema::TableInfo& original,
                                   const SavedCheckpoint& saved) {
  schema::TableInspector inspector(server.main());
  const std::string shadow = sql::qualified_name(plan.database, plan.names.shadow);
  if (!inspector.table_type(plan.database, plan.names.shadow)) {
    throw RefusedError("cannot resume: the shadow table " + shadow + " is gone" + start_over(plan));
  }
  plan = plan::with_shadow(std::move(plan), original,
                           inspector.inspect(plan.database, plan.names.shadow));
  if (plan_summary(plan) != saved.plan_summary) {
    throw RefusedError("cannot resume: the shadow table " + shadow +
                       " no longer maps the columns as the stopped run did" + start_over(plan));
  }
  if (saved.stage != Stage::kPreparing) {
    if (auto problem = capture_problem(server.main(), plan)) {
      throw RefusedError("cannot resume: " + *problem +
                         ", so changes the application made since may be missing from the "
                         "new table" +
                         start_over(plan));
    }
  }
  return plan;
}

}  // namespace oa::phases
