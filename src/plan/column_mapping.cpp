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

ColumnMapping map_columns(const schema::TableInfo& original, const schema::TableInfo& shadow) {
  ColumnMapping mapping;
  for (const auto& column : original.columns) {
    const schema::Column* target = shadow.column(column.name);
    if (target == nullptr) {
      mapping.dropped.push_back(column.name);
    } else if (!target->generated) {
      mapping.source.push_back(column.name);
      mapping.target.push_back(target->name);
    }
  }
  for (const auto& column : shadow.columns) {
    if (column.generated || !mapping.source_of(column.name)) mapping.added.push_back(column.name);
  }
  return mapping;
}

}  // namespace oa::plan
