// The statements of the SpellingWriter on a table (name VARCHAR, n INT, v INT,
// PRIMARY KEY (name, n)). Every condition on the key names its collation,
// utf8mb4_general_ci: an explicit COLLATE wins over the column's own, so a
// statement finds the same row in a table whose `name` was changed to another
// collation (utf8mb4_bin, utf8mb4_general_nopad_ci) as in one still in
// utf8mb4_general_ci, and uses the primary key while the column is in it.
#pragma once

#include <cstdint>
#include <string>

#include "support/parameterized_statement.h"

namespace oa::test {

class SpellingStatements {
 public:
  // For `qualified_table` (already quoted, without "?").
  explicit SpellingStatements(std::string qualified_table);

  // INSERT of the row (name, n, v).
  ParameterizedStatement insert(const std::string& name, std::int64_t n, std::int64_t v) const;

  // DELETE of the row whose key equals (name, n) under the collation.
  ParameterizedStatement delete_row(const std::string& name, std::int64_t n) const;

  // UPDATE of v in the row whose key equals (name, n).
  ParameterizedStatement update_value(const std::string& name, std::int64_t n,
                                      std::int64_t v) const;

  // UPDATE of the key's spelling to `spelling` (equal to `name` under the
  // collation) in the row whose key equals (name, n).
  ParameterizedStatement respell(const std::string& name, std::int64_t n,
                                 const std::string& spelling) const;

  // UPDATE of only the trailing spaces of the key to `spaces` in the row whose
  // key equals (name, n): the name without its trailing spaces, then `spaces`.
  ParameterizedStatement respace(const std::string& name, std::int64_t n,
                                 const std::string& spaces) const;

 private:
  const std::string table_;
};

}  // namespace oa::test
