#include "phases/own_triggers.h"

#include "crash_point.h"
#include "log.h"
#include "schema/table_inspector.h"
#include "sql/ddl.h"
#include "sql/quote.h"
#include "sql/triggers.h"

namespace oa::phases {
namespace {

// A trigger body runs with the sql_mode of the session that created it.
constexpr const char* kSetSqlMode = "SET SESSION sql_mode = ?";

}  // namespace

void move_own_triggers(db::Connection& c, const plan::MigrationPlan& plan, const std::string& to) {
  if (plan.user_triggers.empty()) return;
  const db::Value own_mode = c.query_value("SELECT @@SESSION.sql_mode");
  for (const auto& t : plan.user_triggers) {
    c.execute(sql::drop_trigger_if_exists(plan.database, t.name));
  }
  crash_point("own-triggers-dropped");
  for (const auto& t : plan.user_triggers) {
    c.update(kSetSqlMode, {db::Param{t.sql_mode}});
    c.execute(
        sql::create_own_trigger(plan.database, to, {t.name, t.timing, t.event, t.body, t.definer}));
  }
  c.update(kSetSqlMode, {db::Param{own_mode}});
}

std::vector<std::string> return_own_triggers(db::Connection& c, const plan::MigrationPlan& plan) {
  schema::TableInspector inspector(c);
  if (!inspector.table_type(plan.database, plan.names.shadow)) return {};
  plan::MigrationPlan on_shadow = plan;
  on_shadow.user_triggers.clear();
  std::vector<std::string> names;
  for (auto& t : inspector.triggers_of(plan.database, plan.names.shadow)) {
    if (plan::is_capture_trigger(plan.names, t.name)) {
      // A revertible swap's way back, made on the shadow under the same lock:
      // the next swap makes it again.
      c.execute(sql::drop_trigger_if_exists(plan.database, t.name));
      continue;
    }
    names.push_back(t.name);
    on_shadow.user_triggers.push_back(std::move(t));
  }
  if (!names.empty()) {
    move_own_triggers(c, on_shadow, plan.table);
    log::warning("moved the triggers " + sql::quoted_list(names) +
                 " back from the shadow table to " +
                 sql::qualified_name(plan.database, plan.table) +
                 ", where a run stopped during its swap had left them");
  }
  return names;
}

std::vector<std::string> restore_own_triggers(db::Connection& c, const plan::MigrationPlan& plan,
                                              const std::vector<schema::Trigger>& saved) {
  schema::TableInspector inspector(c);
  std::vector<std::string> missing;
  for (const auto& t : saved) {
    if (!inspector.trigger_exists(plan.database, t.name)) missing.push_back(t.name);
  }
  if (missing.empty()) return {};
  // All of them again, so that they fire in their order.
  plan::MigrationPlan with_saved = plan;
  with_saved.user_triggers = saved;
  move_own_triggers(c, with_saved, plan.table);
  log::warning("created the triggers " + sql::quoted_list(missing) + " again on " +
               sql::qualified_name(plan.database, plan.table) +
               ": a run stopped during its swap had dropped them, so writes to the table "
               "between that stop and now did not fire them");
  return missing;
}

}  // namespace oa::phases
