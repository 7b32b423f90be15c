#include "support/spelling_statements.h"

namespace oa::test {
namespace {

const char kKeyCondition[] = " WHERE name = ? COLLATE utf8mb4_general_ci AND n = ?";

}  // namespace

SpellingStatements::SpellingStatements(std::string qualified_table)
    : table_(std::move(qualified_table)) {}

ParameterizedStatement SpellingStatements::insert(const std::string& name, std::int64_t n,
                                                  std::int64_t v) const {
  return {"INSERT INTO " + table_ + " (name, n, v) VALUES (?, ?, ?)", {name, n, v}};
}

ParameterizedStatement SpellingStatements::delete_row(const std::string& name,
                                                      std::int64_t n) const {
  return {"DELETE FROM " + table_ + kKeyCondition, {name, n}};
}

ParameterizedStatement SpellingStatements::update_value(const std::string& name, std::int64_t n,
                                                        std::int64_t v) const {
  return {"UPDATE " + table_ + " SET v = ?" + kKeyCondition, {v, name, n}};
}

ParameterizedStatement SpellingStatements::respell(const std::string& name, std::int64_t n,
                                                   const std::string& spelling) const {
  return {"UPDATE " + table_ + " SET name = ?" + kKeyCondition, {spelling, name, n}};
}

ParameterizedStatement SpellingStatements::respace(const std::string& name, std::int64_t n,
                                                   const std::string& spaces) const {
  // RTRIM removes spaces only, so the letters keep their bytes.
  return {"UPDATE " + table_ + " SET name = CONCAT(RTRIM(name), ?)" + kKeyCondition,
          {spaces, name, n}};
}

}  // namespace oa::test
