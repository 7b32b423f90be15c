#include "support/parameterized_statement.h"

#include <stdexcept>

#include "support/sql_text.h"

namespace oa::test {
namespace {

std::string literal(const SqlParameter& parameter) {
  if (const auto* text = std::get_if<std::string>(&parameter)) return text_literal(*text);
  return std::to_string(std::get<std::int64_t>(parameter));
}

}  // namespace

std::string inline_parameters(const ParameterizedStatement& statement) {
  std::string text;
  std::size_t next = 0;
  for (char c : statement.sql) {
    if (c != '?') {
      text += c;
      continue;
    }
    if (next == statement.parameters.size()) {
      throw std::invalid_argument("more \"?\" than parameters in: " + statement.sql);
    }
    text += literal(statement.parameters[next++]);
  }
  if (next != statement.parameters.size()) {
    throw std::invalid_argument("more parameters than \"?\" in: " + statement.sql);
  }
  return text;
}

}  // namespace oa::test
