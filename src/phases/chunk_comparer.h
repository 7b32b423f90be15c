// Compares one key range of two tables by their rows' checksums, inside one
// consistent snapshot; names the keys whose rows differ.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"
#include "db/retry.h"
#include "phases/chunker.h"
#include "sql/verify_sql.h"
#include "verify/row_hash.h"

namespace oa::phases {

// Keys whose rows differ, at most this many of each kind are named.
inline constexpr std::size_t kNamedKeysPerKind = 5;

struct RangeComparison {
  verify::ChunkChecksum source;
  verify::ChunkChecksum target;
  std::uint64_t skipped = 0;  // original's rows left out: the change log holds their key
  // Filled only when the checksums differ: the keys, as "(v1, v2)".
  std::vector<std::string> only_in_source;
  std::vector<std::string> only_in_target;
  std::vector<std::string> different;
  std::uint64_t differing_keys = 0;  // all of them, named or not

  bool equal() const { return source == target; }
};

struct ComparedTables {
  std::string db;
  sql::VerifiedSide source;
  sql::VerifiedSide target;
  std::vector<bool> binary;  // per key column: bind bounds as bytes
  // The change log whose keys are left out of both sides (their rows are
  // still to be brought over); empty when the two tables are compared as
  // they are.
  std::string change_log;
};

class ChunkComparer {
 public:
  explicit ChunkComparer(ComparedTables tables) : tables_(std::move(tables)) {}

  // Reads the rows with lower < key <= upper (a missing bound is no bound) of
  // both tables in one REPEATABLE READ snapshot, leaves out the logged keys,
  // and compares the checksums of the rest. When they differ, reads the range
  // again in a new snapshot and names the keys that differ.
  RangeComparison compare(db::Connection& c, const std::optional<Key>& lower,
                          const std::optional<Key>& upper) const;

  const ComparedTables& tables() const { return tables_; }

 private:
  // One snapshot's comparison; with `name_keys`, the rows are kept and the
  // keys that differ are named.
  RangeComparison read(db::Connection& c, const std::optional<Key>& lower,
                       const std::optional<Key>& upper, bool name_keys) const;

  ComparedTables tables_;
};

using RangeVisitor =
    std::function<void(const std::optional<Key>& lower, const std::optional<Key>& upper)>;

// Visits `chunker`'s table in consecutive key ranges of about `rows` rows each
// (lower < key <= upper): the first without a lower bound, the last without an
// upper one, so that rows another table has past this one's last key fall in
// the last range. One range without bounds when the table is empty.
// With `start`, the first range begins after it instead. Reading the keys
// rides out lost connections as `retry` says.
void for_each_range(Chunker& chunker, std::uint64_t rows, const RangeVisitor& visit,
                    const std::optional<Key>& start = std::nullopt,
                    const db::RetryPolicy& retry = db::RetryPolicy{0});

// "(1) < `id` <= (500)", a missing bound left out; "all keys" without either.
std::string range_text(const std::vector<std::string>& columns, const std::optional<Key>& lower,
                       const std::optional<Key>& upper);

// One line on a range that differs: both row counts and checksums, how many
// keys differ, and the keys named in `r`; `source` and `target` name the
// tables (e.g. "the original", "the new table").
std::string describe_difference(const RangeComparison& r, const std::string& range,
                                const std::string& source, const std::string& target);

// "(v1, v2)" for a key read as a row's leading values; NULL as NULL.
std::string describe_key(const db::Row& row, std::size_t key_columns);

}  // namespace oa::phases
