// Walks the original table along its chunk key: where each chunk ends.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"
#include "sql/chunk_sql.h"

namespace oa::phases {

// A chunk key value: one text (or byte string) per key column.
using Key = std::vector<std::string>;

// The parameters for `predicate` when the key tuple is `key`.
std::vector<db::Param> bind_key(const sql::Predicate& predicate, const Key& key,
                                const std::vector<bool>& binary);

// The parameters of sql::key_range(columns, lower, upper): those of the lower
// bound, then those of the upper one, each when there is one.
std::vector<db::Param> bind_range(const std::vector<std::string>& columns,
                                  const std::optional<Key>& lower, const std::optional<Key>& upper,
                                  const std::vector<bool>& binary);

class Chunker {
 public:
  // `binary[i]`: key column i is compared as bytes.
  Chunker(db::Connection& connection, sql::ChunkTable table, std::vector<bool> binary);

  // The table's largest key now; nullopt when the table is empty.
  std::optional<Key> last_key();

  // The key of the `rows`-th row after `lower` (from the start when nullopt),
  // not beyond `end`; nullopt when fewer rows than that remain up to `end`.
  std::optional<Key> boundary(const std::optional<Key>& lower, const Key& end, std::uint64_t rows);

  const std::vector<bool>& binary() const { return binary_; }
  db::Connection& connection() { return connection_; }

 private:
  static Key to_key(const db::Row& row);

  db::Connection& connection_;
  sql::ChunkTable table_;
  std::vector<bool> binary_;
};

}  // namespace oa::phases
