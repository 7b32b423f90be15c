#include "plan/migration_plan.h"

#include "error.h"
#include "sql/alter_columns.h"
#include "sql/quote.h"

namespace oa::plan {
namespace {

std::string describe(const schema::Column& c) {
  std::string text = c.column_type;
  if (!c.charset.empty()) text += " " + c.charset;
  return text + (c.nullable ? " NULL" : " NOT NULL");
}

// "`a` int(11) NULL -> `b` bigint(20) NOT NULL" when the definition changes in
// a way that can make a value not fit: the type, the charset, or NULL to NOT
// NULL. A collation alone changes no value.
std::optional<std::string> definition_change(const schema::Column& from, const schema::Column& to) {
  const bool same_type = from.column_type == to.column_type;
  const bool tightened = from.nullable && !to.nullable;
  if (same_type && from.charset == to.charset && !tightened) return std::nullopt;
  return sql::quote_identifier(from.name) + " " + describe(from) + " -> " +
         sql::quote_identifier(to.name) + " " + describe(to);
}

}  // namespace

MigrationPlan plan_for(const schema::TableInfo& original, const std::string& alter_clauses,
                       bool drop_old_table) {
  MigrationPlan plan;
  plan.database = original.database;
  plan.table = original.name;
  plan.alter_clauses = alter_clauses;
  plan.names = derive_names(original.name);
  plan.chunk_key = *choose_chunk_key(original);
  plan.estimated_rows = original.estimated_rows;
  plan.auto_increment = original.auto_increment;
  plan.drop_old_table = drop_old_table;
  for (const auto& t : original.triggers) {
    const auto& n = plan.names;
    if (t.name != n.insert_trigger && t.name != n.update_trigger && t.name != n.delete_trigger) {
      plan.user_triggers.push_back(t);
    }
  }
  return plan;
}

MigrationPlan with_shadow(MigrationPlan plan, const schema::TableInfo& original,
                          const schema::TableInfo& shadow) {
  plan.mapping = map_columns(original, shadow, sql::column_changes(plan.alter_clauses));
  plan.row_key = choose_row_key(shadow, *plan.mapping, plan.chunk_key);
  if (!plan.row_key) {
    throw RefusedError(
        "after the ALTER, the new table would have no index that starts with " +
        sql::quoted_list(plan.chunk_key.columns) + " (the " +
        sql::quote_identifier(plan.chunk_key.index) + " key of " +
        sql::quote_identifier(plan.table) +
        "); the tool finds changed rows in the new table through it. Keep the PRIMARY KEY's "
        "columns and an index on them, e.g. replace the key in the same ALTER with DROP "
        "PRIMARY KEY, ADD PRIMARY KEY (...) starting with those columns");
  }
  plan.compared.clear();
  plan.type_changes.clear();
  for (std::size_t i = 0; i < plan.mapping->source.size(); ++i) {
    const std::string& from = plan.mapping->source[i];
    const std::string& to = plan.mapping->target[i];
    const auto change = definition_change(*original.column(from), *shadow.column(to));
    if (change) plan.type_changes.push_back(*change);
    if (change && plan.allow_lossy) continue;
    plan.compared.push_back(sql::compare_as(column_type(original, from), column_type(shadow, to)));
  }
  return plan;
}

sql::ColumnType column_type(const schema::TableInfo& table, const std::string& column) {
  const schema::Column* c = table.column(column);
  if (c == nullptr) return sql::ColumnType{column, "", ""};
  return sql::ColumnType{c->name, c->data_type, c->column_type};
}

sql::TriggerSpec trigger_spec(const MigrationPlan& plan) {
  const MigrationNames& n = plan.names;
  sql::TriggerSpec spec{plan.database,
                        plan.table,
                        n.change_log,
                        n.insert_trigger,
                        n.update_trigger,
                        n.delete_trigger,
                        plan.row_key->source_columns,  // the log's columns too
                        "",
                        "",
                        ""};
  // user_triggers is in firing order: the first AFTER trigger of each event.
  for (const auto& t : plan.user_triggers) {
    if (t.timing != "AFTER") continue;
    std::string& first = t.event == "INSERT"   ? spec.first_after_insert
                         : t.event == "UPDATE" ? spec.first_after_update
                                               : spec.first_after_delete;
    if (first.empty()) first = t.name;
  }
  return spec;
}

sql::ChangeLogSpec change_log_spec(const MigrationPlan& plan) {
  return sql::ChangeLogSpec{plan.database,
                            plan.table,
                            plan.names.shadow,
                            plan.names.change_log,
                            plan.row_key->source_columns,
                            plan.row_key->target_columns,
                            plan.mapping->source,
                            plan.mapping->target};
}

sql::ChunkTable chunk_table(const MigrationPlan& plan) {
  return sql::ChunkTable{plan.database, plan.table, plan.chunk_key.index, plan.chunk_key.columns};
}

sql::CopySpec copy_spec(const MigrationPlan& plan) {
  return sql::CopySpec{chunk_table(plan), plan.names.shadow, plan.mapping->source,
                       plan.mapping->target};
}

}  // namespace oa::plan
