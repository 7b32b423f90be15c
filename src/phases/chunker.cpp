#include "phases/chunker.h"

#include "error.h"

namespace oa::phases {

std::vector<db::Param> bind_key(const sql::Predicate& predicate, const Key& key,
                                const std::vector<bool>& binary) {
  std::vector<db::Param> params;
  params.reserve(predicate.slots.size());
  for (std::size_t slot : predicate.slots) params.push_back(db::Param{key[slot], binary[slot]});
  return params;
}

std::vector<db::Param> bind_range(const std::vector<std::string>& columns,
                                  const std::optional<Key>& lower, const std::optional<Key>& upper,
                                  const std::vector<bool>& binary) {
  std::vector<db::Param> params;
  if (lower) params = bind_key(sql::key_after(columns), *lower, binary);
  if (upper) {
    auto more = bind_key(sql::key_up_to(columns), *upper, binary);
    params.insert(params.end(), more.begin(), more.end());
  }
  return params;
}

Chunker::Chunker(db::Connection& connection, sql::ChunkTable table, std::vector<bool> binary)
    : connection_(connection), table_(std::move(table)), binary_(std::move(binary)) {}

Key Chunker::to_key(const db::Row& row) {
  Key key;
  for (const auto& v : row) {
    // Chunk keys are NOT NULL by choice; a NULL here means the table changed under us.
    if (!v) throw Error(ExitCode::kMigrationFailed, "a chunk key column returned NULL");
    key.push_back(*v);
  }
  return key;
}

std::optional<Key> Chunker::last_key() {
  auto rows = connection_.query(sql::last_key(table_));
  if (rows.empty()) return std::nullopt;
  return to_key(rows.front());
}

std::optional<Key> Chunker::boundary(const std::optional<Key>& lower, const Key& end,
                                     std::uint64_t rows) {
  std::vector<db::Param> params = bind_range(table_.columns, lower, end, binary_);
  db::Param offset{std::to_string(rows > 0 ? rows - 1 : 0)};
  offset.integer = true;
  params.push_back(offset);
  auto result = connection_.query(sql::next_boundary(table_, lower.has_value()), params);
  if (result.empty()) return std::nullopt;
  return to_key(result.front());
}

}  // namespace oa::phases
