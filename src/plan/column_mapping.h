// Which original column feeds which shadow column.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "schema/table_info.h"
#include "sql/alter_columns.h"

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

// Maps each shadow column to the original column it takes its data from: the
// one a CHANGE or RENAME COLUMN of the ALTER renamed to it, else the one of the
// same name, unless the ALTER adds the column (a DROP followed by an ADD of one
// name is not a rename). Generated shadow columns are never written, so they
// count as added even when the original has a column of that name. Copied
// columns are listed in the shadow's order.
ColumnMapping map_columns(const schema::TableInfo& original, const schema::TableInfo& shadow,
                          const sql::ColumnChanges& changes = {});

}  // namespace oa::plan
