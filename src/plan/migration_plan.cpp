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

// Index of `column` among the mapping's source columns, or nullopt.
std::optional<std::size_t> mapped_at(const ColumnMapping& mapping, const std::string& column) {
  for (std::size_t i = 0; i < mapping.source.size(); ++i) {
    if (schema::same_column_name(mapping.source[i], column)) return i;
  }
  return std::nullopt;
}

// True when `column` keeps its type and collation in the shadow, under the
// name the mapping gives it; what a foreign key on it needs to stay valid.
bool kept_as(const MigrationPlan& plan, const schema::TableInfo& original,
             const schema::TableInfo& shadow, const std::string& column, std::string& new_name) {
  const auto at = mapped_at(*plan.mapping, column);
  if (!at) return false;
  new_name = plan.mapping->target[*at];
  const schema::Column* before = original.column(column);
  const schema::Column* after = shadow.column(new_name);
  return before && after && before->column_type == after->column_type &&
         before->collation == after->collation;
}

// T's constraints with the shadow's column names. Checked here rather than
// by the server at the swap, where a refusal would come after the copy.
std::vector<sql::ForeignKey> shadow_keys(const MigrationPlan& plan,
                                         const schema::TableInfo& original,
                                         const schema::TableInfo& shadow) {
  std::vector<sql::ForeignKey> out;
  for (sql::ForeignKey key : plan.foreign_keys) {
    key.table = plan.names.shadow;
    for (auto& column : key.columns) {
      std::string renamed;
      if (!kept_as(plan, original, shadow, column, renamed)) {
        throw RefusedError("the ALTER drops or redefines the column " +
                           sql::quote_identifier(column) + ", which the foreign key " +
                           sql::quote_identifier(key.name) +
                           " uses; change the constraint first with its own ALTER TABLE");
      }
      column = renamed;
    }
    out.push_back(std::move(key));
  }
  return out;
}

// The child constraints are pointed at the shadow by the columns they name
// in T, so those must keep their names and definitions.
void check_referenced_columns(const MigrationPlan& plan, const schema::TableInfo& original,
                              const schema::TableInfo& shadow) {
  for (const auto& key : plan.child_foreign_keys) {
    for (const auto& column : key.referenced_columns) {
      std::string renamed;
      if (!kept_as(plan, original, shadow, column, renamed) || renamed != column) {
        throw RefusedError("the ALTER renames, drops or redefines the column " +
                           sql::quote_identifier(column) + ", which the foreign key " +
                           sql::quote_identifier(key.name) + " of " +
                           sql::qualified_name(key.database, key.table) +
                           " references; change the constraint first");
      }
    }
  }
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
  plan.foreign_keys = original.foreign_keys;
  plan.child_foreign_keys = original.referenced_by;
  for (const auto& t : original.triggers) {
    if (!is_capture_trigger(plan.names, t.name)) plan.user_triggers.push_back(t);
  }
  return plan;
}

MigrationPlan with_shadow(MigrationPlan plan, const schema::TableInfo& original,
                          const schema::TableInfo& shadow) {
  ColumnMapping mapping = map_columns(original, shadow, sql::column_changes(plan.alter_clauses));
  return with_mapping(std::move(plan), original, shadow, std::move(mapping));
}

MigrationPlan with_mapping(MigrationPlan plan, const schema::TableInfo& original,
                           const schema::TableInfo& shadow, ColumnMapping mapping) {
  plan.mapping = std::move(mapping);
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
  plan.row_key->collations = key_collations(original, shadow, *plan.row_key);
  plan.shadow_foreign_keys = shadow_keys(plan, original, shadow);
  check_referenced_columns(plan, original, shadow);
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

std::vector<sql::TableName> swap_locked_tables(const MigrationPlan& plan) {
  const std::string& db = plan.database;
  // A child that sorts before T is held while T is waited for: its writers
  // wait too, for lock_wait_timeout at most.
  std::vector<sql::TableName> tables{
      {db, plan.table}, {db, plan.names.change_log}, {db, plan.names.shadow}};
  for (const auto& key : plan.child_foreign_keys) tables.push_back({key.database, key.table});
  return tables;
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
                        "",
                        {}};
  for (std::size_t i = 0; i < plan.row_key->source_columns.size(); ++i) {
    spec.spelling_matters.push_back(sql::collation_change(plan.row_key->collations, i) != nullptr);
  }
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
                            plan.mapping->target,
                            plan.row_key->collations};
}

sql::ChunkTable chunk_table(const MigrationPlan& plan) {
  return sql::ChunkTable{plan.database, plan.table, plan.chunk_key.index, plan.chunk_key.columns};
}

sql::CopySpec copy_spec(const MigrationPlan& plan) {
  return sql::CopySpec{chunk_table(plan), plan.names.shadow, plan.mapping->source,
                       plan.mapping->target};
}

}  // namespace oa::plan
