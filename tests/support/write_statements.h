// The SQL text of the Writer's and the initial fill's statements for one
// table: pure functions of the TableSpec, with "?" for every value.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "support/table_spec.h"

namespace oa::test {

class WriteStatements {
 public:
  // `spec` must outlive this object; `qualified_table` is already quoted.
  WriteStatements(const TableSpec& spec, std::string qualified_table);

  // INSERT of `rows` rows; parameters row by row: key values, then columns.
  std::string insert(std::size_t rows = 1) const;

  // UPDATE of the columns with these indexes (into spec.columns); parameters:
  // the new values, then the key values.
  std::string update_columns(const std::vector<std::size_t>& column_indexes) const;

  // UPDATE of the key; parameters: the new key values, then the old ones.
  std::string update_key() const;

  // DELETE by key; parameters: the key values.
  std::string delete_row() const;

 private:
  std::string key_condition() const;

  const TableSpec& spec_;
  std::string table_;
};

}  // namespace oa::test
