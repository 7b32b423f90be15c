// Text of the query that looks for rows a new UNIQUE or PRIMARY key would
// merge. Pure function.
#pragma once

#include <string>
#include <vector>

namespace oa::sql {

// One column of the key, read from the original table as the new table will
// compare it.
struct ProbedColumn {
  std::string name;       // the original's column
  std::string charset;    // the new table's, when the collation changes; else empty
  std::string collation;  // likewise
};

// SELECT <columns>, COUNT(*) FROM db.table WHERE <none NULL> GROUP BY
// <columns> HAVING COUNT(*) > 1 LIMIT 1: a value the key would hold twice
// (rows with a NULL in the key never collide), and how many rows hold it.
std::string duplicate_probe(const std::string& db, const std::string& table,
                            const std::vector<ProbedColumn>& columns);

}  // namespace oa::sql
