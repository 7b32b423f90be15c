// Which original column feeds which shadow column.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/table_info.h"

namespace oa::plan {

struct ColumnMapping {
  std::vector<std::string> source;   // original columns that are copied
  std::vector<std::string> target;   // the shadow column each one fills, same position
  std::vector<std::string> added;    // only in the shadow: default or generated values
  std::vector<std::string> dropped;  // only in the original: not carried over

  // The shadow column that `source_column` fills, if it is copied.
  std::optional<std::string> target_of(const std::string& source_column) const;
  // The original column that fills `target_column`, if any.
  std::optional<std::string> source_of(const std::string& target_column) const;
};

// Maps columns by name. Generated shadow columns are never written, so they
// count as added even when the original has a column of that name.
ColumnMapping map_columns(const schema::TableInfo& original, const schema::TableInfo& shadow);

}  // namespace oa::plan
