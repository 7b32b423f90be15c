#include "plan/revert_plan.h"

namespace oa::plan {

ColumnPairs carried_columns(const MigrationPlan& plan) {
  ColumnPairs pairs;
  for (std::size_t i = 0; i < plan.mapping->source.size(); ++i) {
    pairs.emplace_back(plan.mapping->source[i], plan.mapping->target[i]);
  }
  return pairs;
}

MigrationPlan way_back_capture(const MigrationPlan& plan) {
  MigrationPlan next;
  next.database = plan.database;
  next.table = plan.names.shadow;
  next.names = with_other_capture_set(plan.names);
  const auto& key = plan.row_key->target_columns;
  next.row_key = RowKey{plan.row_key->index, key, key, reversed(plan.row_key->collations)};
  next.mapping = ColumnMapping{};
  // Moved onto the shadow just before, in the same lock.
  next.user_triggers = plan.user_triggers;
  return next;
}

MigrationPlan revert_plan(const schema::TableInfo& current, const schema::TableInfo& kept,
                          const ColumnPairs& pairs, bool other_set) {
  MigrationPlan plan = plan_for(current, "", /*drop_old_table=*/false);
  if (other_set) plan.names = with_other_capture_set(plan.names);
  plan.names.shadow = plan.names.old;
  ColumnMapping mapping;
  for (const auto& [before, after] : pairs) {
    const schema::Column* from = current.column(after);
    const schema::Column* to = kept.column(before);
    if (from == nullptr || to == nullptr || to->generated) continue;
    mapping.source.push_back(from->name);
    mapping.target.push_back(to->name);
  }
  for (const auto& c : kept.columns) {
    if (!mapping.source_of(c.name)) mapping.added.push_back(c.name);
  }
  for (const auto& c : current.columns) {
    if (!mapping.target_of(c.name)) mapping.dropped.push_back(c.name);
  }
  return with_mapping(std::move(plan), current, kept, std::move(mapping));
}

}  // namespace oa::plan
