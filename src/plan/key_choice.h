// Choosing the keys the copy walks along and the triggers identify rows by.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plan/column_mapping.h"
#include "schema/table_info.h"

namespace oa::plan {

// An index of the original table that orders and identifies every row.
struct ChunkKey {
  std::string index;                 // e.g. "PRIMARY"
  std::vector<std::string> columns;  // in index order
  std::vector<bool> binary;          // per column: bind boundary values as bytes
};

// How the triggers find a row in the shadow: a unique key of the shadow whose
// columns are all filled from the original.
struct RowKey {
  std::string index;
  std::vector<std::string> target_columns;  // shadow names
  std::vector<std::string> source_columns;  // the original columns feeding them
};

// The PRIMARY KEY, else the NOT NULL unique key with the fewest columns. Keys
// with a prefix part or a FLOAT/DOUBLE/BIT column are skipped: their boundary
// values do not survive a round trip as text. nullopt when none qualifies.
std::optional<ChunkKey> choose_chunk_key(const schema::TableInfo& table);

// The shadow's PRIMARY KEY, else its smallest NOT NULL unique key, whose
// columns all map to original columns. nullopt when none qualifies.
std::optional<RowKey> choose_row_key(const schema::TableInfo& shadow, const ColumnMapping& mapping);

}  // namespace oa::plan
