#include "plan/column_mapping.h"

namespace oa::plan {

std::optional<std::string> ColumnMapping::target_of(const std::string& source_column) const {
  for (std::size_t i = 0; i < source.size(); ++i) {
    if (schema::same_column_name(source[i], source_column)) return target[i];
  }
  return std::nullopt;
}

std::optional<std::string> ColumnMapping::source_of(const std::string& target_column) const {
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (schema::same_column_name(target[i], target_column)) return source[i];
  }
  return std::nullopt;
}

namespace {

bool listed(const std::vector<std::string>& names, const std::string& name) {
  for (const auto& n : names) {
    if (schema::same_column_name(n, name)) return true;
  }
  return false;
}

// The original column whose data `shadow_column` holds after the ALTER, or
// nullptr when it starts with its default.
const schema::Column* source_for(const schema::TableInfo& original,
                                 const std::string& shadow_column,
                                 const sql::ColumnChanges& changes) {
  bool renamed_away = false;
  for (const auto& [from, to] : changes.renamed) {
    if (schema::same_column_name(from, to)) continue;  // CHANGE a a ...: no rename
    if (schema::same_column_name(to, shadow_column)) return original.column(from);
    if (schema::same_column_name(from, shadow_column)) renamed_away = true;
  }
  // ADD of a name the original has: that column was dropped or renamed in
  // the same ALTER, and the new one starts empty.
  if (renamed_away || listed(changes.added, shadow_column)) return nullptr;
  return original.column(shadow_column);
}

}  // namespace

ColumnMapping map_columns(const schema::TableInfo& original, const schema::TableInfo& shadow,
                          const sql::ColumnChanges& changes) {
  ColumnMapping mapping;
  for (const auto& column : shadow.columns) {
    const schema::Column* source =
        column.generated ? nullptr : source_for(original, column.name, changes);
    if (source == nullptr) {
      mapping.added.push_back(column.name);
    } else {
      mapping.source.push_back(source->name);
      mapping.target.push_back(column.name);
    }
  }
  for (const auto& column : original.columns) {
    if (!mapping.target_of(column.name)) mapping.dropped.push_back(column.name);
  }
  return mapping;
}

}  // namespace oa::plan
