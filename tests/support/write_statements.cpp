#include "support/write_statements.h"

#include "support/sql_text.h"

namespace oa::test {

WriteStatements::WriteStatements(const TableSpec& spec, std::string qualified_table)
    : spec_(spec), table_(std::move(qualified_table)) {}

std::string WriteStatements::insert(std::size_t rows) const {
  std::string names;
  std::string values = "(";
  for (const KeyColumnSpec& k : spec_.key) {
    names += (names.empty() ? "" : ", ") + quote_identifier(k.name);
    values += (values.size() == 1 ? "?" : ", ?");
  }
  for (const ColumnSpec& c : spec_.columns) {
    names += (names.empty() ? "" : ", ") + quote_identifier(c.name);
    values += (values.size() == 1 ? "" : ", ") + c.placeholder;
  }
  values += ")";
  std::string statement = "INSERT INTO " + table_ + " (" + names + ") VALUES ";
  for (std::size_t i = 0; i < rows; ++i) statement += (i == 0 ? "" : ", ") + values;
  return statement;
}

std::string WriteStatements::update_columns(const std::vector<std::size_t>& column_indexes) const {
  std::string assignments;
  for (std::size_t index : column_indexes) {
    const ColumnSpec& c = spec_.columns.at(index);
    assignments +=
        (assignments.empty() ? "" : ", ") + quote_identifier(c.name) + " = " + c.placeholder;
  }
  return "UPDATE " + table_ + " SET " + assignments + " WHERE " + key_condition();
}

std::string WriteStatements::update_key() const {
  std::string assignments;
  for (const KeyColumnSpec& k : spec_.key) {
    assignments += (assignments.empty() ? "" : ", ") + quote_identifier(k.name) + " = ?";
  }
  return "UPDATE " + table_ + " SET " + assignments + " WHERE " + key_condition();
}

std::string WriteStatements::delete_row() const {
  return "DELETE FROM " + table_ + " WHERE " + key_condition();
}

std::string WriteStatements::key_condition() const {
  std::string condition;
  for (const KeyColumnSpec& k : spec_.key) {
    condition += (condition.empty() ? "" : " AND ") + quote_identifier(k.name) + " = ?";
  }
  return condition;
}

}  // namespace oa::test
