#include "phases/chunk_comparer.h"

#include <unordered_map>

#include "db/retry.h"
#include "sql/chunk_sql.h"
#include "sql/quote.h"

namespace oa::phases {
namespace {

// A row as rows_in_range() reads it: the key columns, the logged flag, then
// the compared values.
bool is_logged(const db::Row& row, std::size_t key_columns) {
  return row[key_columns] && *row[key_columns] == "1";
}
std::size_t values_at(std::size_t key_columns) { return key_columns + 1; }

// Adds rows to one side's checksum, leaving out those whose key is logged.
class SideChecksum {
 public:
  explicit SideChecksum(std::size_t key_columns) : key_columns_(key_columns) {}

  void add(const db::Row& row) {
    if (is_logged(row, key_columns_)) {
      ++skipped_;
      return;
    }
    checksum_.add(verify::row_hash(scratch_, row, values_at(key_columns_)));
  }
  const verify::ChunkChecksum& checksum() const { return checksum_; }
  std::uint64_t skipped() const { return skipped_; }

 private:
  std::size_t key_columns_;
  std::string scratch_;  // reused: no allocation per row
  verify::ChunkChecksum checksum_;
  std::uint64_t skipped_ = 0;
};

// Each row's hash by its encoded key, for naming the keys that differ (only
// when the checksums do: a chunk's worth, bounded by the chunk size). Keys
// are matched by their bytes: a row whose key the new table spells otherwise
// is named on both sides.
std::unordered_map<std::string, std::pair<std::uint64_t, const db::Row*>> rows_by_key(
    const std::vector<db::Row>& rows, std::size_t key_columns) {
  std::unordered_map<std::string, std::pair<std::uint64_t, const db::Row*>> by_key;
  for (const db::Row& row : rows) {
    if (is_logged(row, key_columns)) continue;
    by_key.emplace(verify::canonical_row(row, 0, key_columns),
                   std::make_pair(verify::row_hash(row, values_at(key_columns)), &row));
  }
  return by_key;
}

void name_key(std::vector<std::string>& list, const std::string& name) {
  if (list.size() < kNamedKeysPerKind) list.push_back(name);
}

std::string key_text(const std::optional<Key>& key) {
  if (!key) return "";
  std::string out = "(";
  for (std::size_t i = 0; i < key->size(); ++i) out += (i > 0 ? ", " : "") + (*key)[i];
  return out + ")";
}

}  // namespace

std::string range_text(const std::vector<std::string>& columns, const std::optional<Key>& lower,
                       const std::optional<Key>& upper) {
  const std::string key = sql::quoted_list(columns);
  if (!lower && !upper) return "all keys";
  std::string out;
  if (lower) out = key_text(lower) + " < ";
  out += key;
  if (upper) out += " <= " + key_text(upper);
  return out;
}

namespace {

std::string names(const std::string& what, const std::vector<std::string>& keys) {
  if (keys.empty()) return "";
  std::string out = "; " + what + ":";
  for (const auto& k : keys) out += " " + k;
  return out;
}

std::string hex(std::uint64_t v) {
  static const char* digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = digits[v & 0xF];
  return out;
}

}  // namespace

std::string describe_difference(const RangeComparison& r, const std::string& range,
                                const std::string& source, const std::string& target) {
  return range + ": " + source + " has " + std::to_string(r.source.rows()) + " rows (checksum " +
         hex(r.source.digest()) + "), " + target + " " + std::to_string(r.target.rows()) +
         " (checksum " + hex(r.target.digest()) + "); " + std::to_string(r.differing_keys) +
         " keys differ" + names("missing from " + target, r.only_in_source) +
         names("only in " + target, r.only_in_target) + names("different", r.different);
}

void for_each_range(Chunker& chunker, std::uint64_t rows, const RangeVisitor& visit,
                    const std::optional<Key>& start, const db::RetryPolicy& retry) {
  db::Connection& c = chunker.connection();
  std::optional<Key> end;
  db::with_retries(c, retry, "reading the largest key", [&] { end = chunker.last_key(); });
  std::optional<Key> lower = start;
  for (;;) {
    std::optional<Key> upper;
    if (end) {
      db::with_retries(c, retry, "finding the next range",
                       [&] { upper = chunker.boundary(lower, *end, rows); });
    }
    visit(lower, upper);
    if (!upper) return;
    lower = upper;
  }
}

std::string describe_key(const db::Row& row, std::size_t key_columns) {
  std::string out = "(";
  for (std::size_t i = 0; i < key_columns && i < row.size(); ++i) {
    if (i > 0) out += ", ";
    out += row[i] ? *row[i] : "NULL";
  }
  return out + ")";
}

RangeComparison ChunkComparer::compare(db::Connection& c, const std::optional<Key>& lower,
                                       const std::optional<Key>& upper) const {
  // Rows are hashed as they arrive; only a range that differs is read again,
  // whole, to name its keys.
  RangeComparison quick = read(c, lower, upper, false);
  if (quick.equal()) return quick;
  return read(c, lower, upper, true);
}

RangeComparison ChunkComparer::read(db::Connection& c, const std::optional<Key>& lower,
                                    const std::optional<Key>& upper, bool name_keys) const {
  const ComparedTables& t = tables_;
  const bool has_lower = lower.has_value(), has_upper = upper.has_value();
  const std::size_t k = t.source.key.size();
  const std::vector<db::Param> source_range = bind_range(t.source.key, lower, upper, t.binary);
  const sql::LoggedKeys logged{t.change_log, t.source.key};
  const sql::LoggedKeys* leave_out = t.change_log.empty() ? nullptr : &logged;
  // The logged keys' bounds come first, then the rows': both are the range.
  std::vector<db::Param> params = leave_out ? source_range : std::vector<db::Param>{};
  params.insert(params.end(), source_range.begin(), source_range.end());
  const std::string source_query =
      sql::rows_in_range(t.db, t.source, has_lower, has_upper, leave_out);
  const std::string target_query =
      sql::rows_in_range(t.db, t.target, has_lower, has_upper, leave_out);
  SideChecksum source(k), target(k);
  std::vector<db::Row> source_rows, target_rows;
  // One snapshot for both reads: a change commits its row and its log entry
  // together, so every key not in the log must read the same in both.
  c.in_snapshot([&] {
    if (name_keys) {
      source_rows = c.query(source_query, params);
      target_rows = c.query(target_query, params);
    } else {
      c.for_each_row(source_query, params, [&](const db::Row& row) { source.add(row); });
      c.for_each_row(target_query, params, [&](const db::Row& row) { target.add(row); });
    }
  });
  for (const db::Row& row : source_rows) source.add(row);
  for (const db::Row& row : target_rows) target.add(row);

  RangeComparison result;
  result.source = source.checksum();
  result.target = target.checksum();
  result.skipped = source.skipped();
  if (!name_keys || result.equal()) return result;

  auto by_key = rows_by_key(source_rows, k);
  for (const auto& [key, entry] : rows_by_key(target_rows, k)) {
    const auto found = by_key.find(key);
    if (found == by_key.end()) {
      name_key(result.only_in_target, describe_key(*entry.second, k));
    } else {
      const bool same = found->second.first == entry.first;
      if (!same) name_key(result.different, describe_key(*entry.second, k));
      by_key.erase(found);
      if (same) continue;
    }
    ++result.differing_keys;
  }
  for (const auto& [key, entry] : by_key) {
    name_key(result.only_in_source, describe_key(*entry.second, k));
    ++result.differing_keys;
  }
  return result;
}

}  // namespace oa::phases
