#include "plan/migration_plan.h"

#include "error.h"
#include "sql/quote.h"

namespace oa::plan {

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
  return plan;
}

MigrationPlan with_shadow(MigrationPlan plan, const schema::TableInfo& original,
                          const schema::TableInfo& shadow) {
  plan.mapping = map_columns(original, shadow);
  plan.row_key = choose_row_key(shadow, *plan.mapping);
  if (!plan.row_key) {
    throw RefusedError(
        "after the ALTER, the table would have no PRIMARY KEY or NOT NULL UNIQUE key made of "
        "columns kept from " +
        sql::quote_identifier(plan.table) +
        "; the capture triggers need one to find rows. Keep the primary key, or replace it in "
        "the same ALTER (DROP PRIMARY KEY, ADD PRIMARY KEY (...))");
  }
  return plan;
}

sql::TriggerSpec trigger_spec(const MigrationPlan& plan) {
  const MigrationNames& n = plan.names;
  return sql::TriggerSpec{plan.database,
                          plan.table,
                          n.shadow,
                          n.insert_trigger,
                          n.update_trigger,
                          n.delete_trigger,
                          plan.mapping->source,
                          plan.mapping->target,
                          plan.row_key->source_columns,
                          plan.row_key->target_columns};
}

sql::ChunkTable chunk_table(const MigrationPlan& plan) {
  return sql::ChunkTable{plan.database, plan.table, plan.chunk_key.index, plan.chunk_key.columns};
}

sql::CopySpec copy_spec(const MigrationPlan& plan) {
  return sql::CopySpec{chunk_table(plan), plan.names.shadow, plan.mapping->source,
                       plan.mapping->target, plan.row_key->target_columns.front()};
}

}  // namespace oa::plan
