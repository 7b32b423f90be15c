// Text of the statements that walk the original table along its chunk key and
// copy one key range into the shadow. Pure functions; values are placeholders.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace oa::sql {

// A WHERE fragment with '?' placeholders; slots[i] is the position, in the key
// tuple, of the value the i-th placeholder takes.
struct Predicate {
  std::string text;
  std::vector<std::size_t> slots;
};

// (c1, ..., cn) > (?, ..., ?) written out column by column, which the range
// optimizer uses on every server version: (c1 > ?) OR (c1 = ? AND c2 > ?) ...
Predicate key_after(const std::vector<std::string>& columns);
// (c1, ..., cn) <= (?, ..., ?), written out the same way.
Predicate key_up_to(const std::vector<std::string>& columns);

// " WHERE <key_after> AND <key_up_to>", either part left out when its flag is
// false ("" when both are). Placeholders: the lower bound's, then the upper's.
std::string key_range(const std::vector<std::string>& columns, bool has_lower, bool has_upper);

// The same over key expressions already quoted (or converted, see
// key_collation.h): the server compares them as the expressions say.
std::string expression_range(const std::vector<std::string>& expressions, bool has_lower,
                             bool has_upper);

struct ChunkTable {
  std::string db;
  std::string table;
  std::string index;                 // the chunk key's index
  std::vector<std::string> columns;  // the chunk key's columns
};

// The key of the row `offset` rows past the lower bound (or past the start when
// `has_lower` is false), looking no further than the end key. Placeholders: the
// lower bound (if any), the end key, then the offset.
std::string next_boundary(const ChunkTable& t, bool has_lower);

// The largest key of the table, or no row when it is empty.
std::string last_key(const ChunkTable& t);

struct CopySpec {
  ChunkTable from;
  std::string shadow;
  std::vector<std::string> source_columns;
  std::vector<std::string> target_columns;
};

// Copies the rows with lower < key <= upper (no lower bound when `has_lower` is
// false, no upper one when `has_upper` is false). Placeholders: the lower
// bound, then the upper bound, each if any. Run in
// READ COMMITTED, the read takes no row locks, so it never waits for a client
// nor makes one wait; a row a client changes meanwhile is in the change log and
// is copied again later. A plain INSERT: no key of the range is in the shadow
// yet (changes to keys the copy has yet to read are not applied, see
// change_log_sql.h), so a duplicate key error means the ALTER merges rows.
std::string copy_chunk(const CopySpec& spec, bool has_lower, bool has_upper = true);

}  // namespace oa::sql
