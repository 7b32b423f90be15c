#include "phases/own_triggers.h"

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
  on_shadow.user_triggers = inspector.inspect(plan.database, plan.names.shadow).triggers;
  std::vector<std::string> names;
  for (const auto& t : on_shadow.user_triggers) names.push_back(t.name);
  if (!names.empty()) {
    move_own_triggers(c, on_shadow, plan.table);
    log::warning("moved the triggers " + sql::quoted_list(names) +
                 " back from the shadow table to " +
                 sql::qualified_name(plan.database, plan.table) +
                 ", where a run stopped during its swap had left them");
  }
  return names;
}

}  // namespace oa::phases
