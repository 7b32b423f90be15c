// What an --alter text says about columns by name: which it renames, adds
// and drops. The column mapping needs it, because names alone cannot tell a
// renamed column (whose data must move) from a dropped one and an added one
// (whose data must not).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace oa::sql {

struct ColumnChanges {
  // old -> new, from CHANGE [COLUMN] old new ... and RENAME COLUMN old TO new,
  // names as written (CHANGE a a ... too, which renames nothing); each old
  // name is the original table's (the server applies them together).
  std::vector<std::pair<std::string, std::string>> renamed;
  std::vector<std::string> added;    // ADD [COLUMN] name ..., ADD [COLUMN] (name ..., ...)
  std::vector<std::string> dropped;  // DROP [COLUMN] name
};

// Reads the top-level clauses of `clauses`. Pure; never throws. A clause it
// cannot read is left out: the server validates the text on the shadow.
ColumnChanges column_changes(std::string_view clauses);

}  // namespace oa::sql
