// Key columns that the ALTER moves to another charset or collation. The two
// tables then disagree on which spellings of a key are equal (case, accents,
// trailing spaces under PAD SPACE) and on their order, and a comparison of a
// column of one with a value of the other takes whichever collation the
// server's coercion rules pick, or fails (error 1267). So every comparison of
// keys across the two tables names its collation: the original's, where the
// question is "the same row of T?", or the shadow's, where an index of the
// shadow must serve the lookup. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace oa::sql {

// A key column whose charset or collation differs between the original (T)
// and the shadow.
struct KeyCollation {
  std::string original_charset;
  std::string original_collation;
  std::string shadow_charset;
  std::string shadow_collation;
};

// Per key column, in key order: the change, or nullopt where both tables
// compare the column alike. An empty vector means no column changes.
using KeyCollations = std::vector<std::optional<KeyCollation>>;

// The change of key column `i`, or nullptr when it compares alike.
const KeyCollation* collation_change(const KeyCollations& collations, std::size_t i);

// True when some key column changes.
bool any_collation_change(const KeyCollations& collations);

// `expression`, a value of the shadow's column, as T compares it:
// CONVERT(expression USING cs) COLLATE collation.
std::string as_original(const std::string& expression, const KeyCollation& change);

// `bytes`, the exact bytes of a value of T's column (CAST(... AS BINARY)),
// as the shadow compares it: relabelled as T's charset, converted to the
// shadow's, in the shadow's collation.
std::string bytes_as_shadow(const std::string& bytes, const KeyCollation& change);

// The key columns as T compares them, each quoted and prefixed with
// `prefix` (e.g. "`db`.`t_oa_new`.") and, where it changes, converted.
std::vector<std::string> keys_as_original(const std::vector<std::string>& columns,
                                          const KeyCollations& collations,
                                          const std::string& prefix = "");

}  // namespace oa::sql
