// Compares a table's rows with a Record: the test's verdict on a migration.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "support/record.h"
#include "support/table_spec.h"

namespace sql {
class Connection;
}  // namespace sql

namespace oa::test {

struct ComparisonOptions {
  // Read and compare only the key and these columns (names from the spec);
  // empty = all of the spec's columns. Columns outside the spec (e.g. added by
  // the migration) are never read; list the survivors to compare a table from
  // which the migration dropped a column.
  std::vector<std::string> columns;
  // Include the differing values in the examples (tests); write_load leaves
  // them out and prints keys only.
  bool show_values = false;
  std::size_t max_examples = 5;
};

struct Comparison {
  std::size_t table_rows = 0;
  std::size_t record_rows = 0;
  std::size_t missing = 0;            // in the record, not in the table
  std::size_t extra = 0;              // in the table, not in the record
  std::size_t differing = 0;          // in both, some compared column differs
  std::vector<std::string> examples;  // "missing: id=5", "differs: id=7 column c ..."

  bool matches() const { return missing == 0 && extra == 0 && differing == 0; }

  // "matches: N rows" or "N missing, N extra, N differing of N rows; first: ...".
  std::string summary() const;
};

// Reads every row of `database`.`table` (the spec's key and the chosen
// columns) and compares it with `record`, whose rows are in the spec's full
// column order. Throws sql::SQLException, std::invalid_argument for a column
// name the spec does not have.
Comparison compare_with_record(sql::Connection& connection, const TableSpec& spec,
                               const std::string& database, const std::string& table,
                               const Record& record, const ComparisonOptions& options = {});

}  // namespace oa::test
