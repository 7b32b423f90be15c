#include "support/table_spec.h"

#include <stdexcept>

#include "support/sql_text.h"

namespace oa::test {

std::string TableSpec::create_statement(const std::string& qualified_table) const {
  static const std::string kPlaceholder = "{table}";
  std::string statement = create_template;
  const std::size_t at = statement.find(kPlaceholder);
  if (at == std::string::npos) throw std::invalid_argument("create_template lacks {table}");
  statement.replace(at, kPlaceholder.size(), qualified_table);
  return statement;
}

std::vector<std::string> TableSpec::column_names() const {
  std::vector<std::string> names;
  for (const KeyColumnSpec& k : key) names.push_back(k.name);
  for (const ColumnSpec& c : columns) names.push_back(c.name);
  return names;
}

std::vector<std::string> TableSpec::key_for(std::uint64_t n) const {
  std::vector<std::string> values;
  for (const KeyColumnSpec& k : key) values.push_back(k.generate(n));
  return values;
}

std::string TableSpec::record_key(const Row& row) const {
  std::vector<std::string> values;
  for (std::size_t i = 0; i < key.size(); ++i) values.push_back(row.at(i).value_or(""));
  return record_key_of(values);
}

std::string TableSpec::record_key_of(const std::vector<std::string>& key_values) const {
  // Length-prefixed, so that ("a", "bc") and ("ab", "c") stay apart.
  std::string identity;
  for (std::size_t i = 0; i < key.size(); ++i) {
    const std::string value =
        key[i].case_insensitive ? ascii_lower(key_values.at(i)) : key_values.at(i);
    identity += std::to_string(value.size()) + ":" + value + ";";
  }
  return identity;
}

std::string TableSpec::describe_key(const Row& row) const {
  std::string text;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (i > 0) text += ", ";
    text += printable(key[i].name) + "=" + (row.at(i) ? printable(*row.at(i)) : "NULL");
  }
  return text;
}

std::string TableSpec::key_condition_literal(const std::vector<std::string>& key_values) const {
  std::string condition;
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (i > 0) condition += " AND ";
    condition += quote_identifier(key[i].name) + " = " +
                 (key[i].text ? text_literal(key_values.at(i)) : integer_literal(key_values.at(i)));
  }
  return condition;
}

}  // namespace oa::test
