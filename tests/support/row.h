// Row values as the tests see them: the server's text form of each column.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace oa::test {

// One column value in the server's text form (raw bytes for binary columns);
// nullopt is SQL NULL.
using Value = std::optional<std::string>;

// The values of one row, in the order of TableSpec::column_names().
using Row = std::vector<Value>;

}  // namespace oa::test
