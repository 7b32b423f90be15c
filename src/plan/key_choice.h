// Choosing the keys the copy walks along and the triggers identify rows by.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plan/column_mapping.h"
#include "schema/table_info.h"
#include "sql/key_collation.h"

namespace oa::plan {

// An index of the original table that orders and identifies every row.
struct ChunkKey {
  std::string index;                 // e.g. "PRIMARY"
  std::vector<std::string> columns;  // in index order
  std::vector<bool> binary;          // per column: bind boundary values as bytes
};

// How logged changes find their rows in the shadow: the chunk key's columns,
// which the shadow must index (in some index's leading columns) so that
// applying a change is a lookup, not a scan.
struct RowKey {
  std::string index;                        // the shadow's index used for the lookup
  std::vector<std::string> target_columns;  // shadow names, in chunk key order
  std::vector<std::string> source_columns;  // the chunk key's columns
  // Where the ALTER changes a key column's charset or collation.
  sql::KeyCollations collations;
};

// The PRIMARY KEY, else the NOT NULL unique key with the fewest columns. Keys
// with a prefix part or a FLOAT/DOUBLE/BIT column are skipped: their boundary
// values do not survive a round trip as text. nullopt when none qualifies.
std::optional<ChunkKey> choose_chunk_key(const schema::TableInfo& table);

// The shadow's index whose leading columns are the chunk key's columns (mapped
// through `mapping`), preferring the PRIMARY KEY, then unique keys, then the
// shortest. nullopt when a chunk key column is not copied or no index leads
// with them.
std::optional<RowKey> choose_row_key(const schema::TableInfo& shadow, const ColumnMapping& mapping,
                                     const ChunkKey& chunk_key);

// Per column of `key`: the change of charset or collation from `original`
// to `shadow`, nullopt where there is none; empty when no column changes.
sql::KeyCollations key_collations(const schema::TableInfo& original,
                                  const schema::TableInfo& shadow, const RowKey& key);

// The same changes seen from the other side (the way back after a swap).
sql::KeyCollations reversed(const sql::KeyCollations& collations);

}  // namespace oa::plan
