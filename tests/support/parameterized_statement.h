// A statement with "?" for each value, and the values: sent as one text
// statement with the values written as literals, or as a server-side prepared
// statement with the values bound.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace oa::test {

// A text value (bound with setString, written with text_literal) or an integer.
using SqlParameter = std::variant<std::string, std::int64_t>;

struct ParameterizedStatement {
  // SQL with one "?" for each parameter and no other "?" (identifiers included).
  std::string sql;
  std::vector<SqlParameter> parameters;
};

// `statement.sql` with each "?" replaced by its parameter as a literal
// (text_literal for text, decimal digits for integers). Throws
// std::invalid_argument when the counts of "?" and parameters differ.
std::string inline_parameters(const ParameterizedStatement& statement);

}  // namespace oa::test
