// Compares a table with its twin byte for byte: every row's key spelling
// (HEX(name)), n and v. Columns the migration added are not read.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "support/twin_tables.h"

namespace sql {
class Connection;
}  // namespace sql

namespace oa::test {

struct TwinComparison {
  std::size_t table_rows = 0;
  std::size_t twin_rows = 0;
  std::size_t only_in_table = 0;  // no row of the twin has its name bytes and n
  std::size_t only_in_twin = 0;
  std::size_t differing = 0;          // same name bytes and n, another v
  std::vector<std::string> examples;  // the first few differences, with their values

  bool matches() const { return only_in_table == 0 && only_in_twin == 0 && differing == 0; }

  // "equal: N rows" or "N only in the table, N only in the twin, N differing
  // (table N rows, twin N rows); first: ...".
  std::string summary() const;
};

// Reads (name, n, v) of both tables and compares them, `name` by its bytes.
// Throws sql::SQLException.
TwinComparison compare_twins(sql::Connection& connection, const TwinTables& tables,
                             std::size_t max_examples = 8);

}  // namespace oa::test
