#include "support/table_reader.h"

#include <stdexcept>

#include "support/sql_text.h"
#include "support/text_query.h"

namespace oa::test {

TableReader::TableReader(const TableSpec& spec, const std::string& database,
                         const std::string& table)
    : spec_(spec) {
  select_ = "SELECT ";
  const std::vector<std::string> names = spec.column_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) select_ += ", ";
    const std::string column = quote_identifier(names[i]);
    const std::string read_as =
        i < spec.key.size() ? "" : spec.columns[i - spec.key.size()].read_as;
    const auto at = read_as.find('%');
    select_ +=
        at == std::string::npos ? column : read_as.substr(0, at) + column + read_as.substr(at + 1);
  }
  select_ += " FROM " + qualified_name(database, table);
}

std::optional<Row> TableReader::read_row(sql::Connection& connection,
                                         const std::vector<std::string>& key_values) const {
  std::vector<Row> rows =
      query_rows(connection, select_ + " WHERE " + spec_.key_condition_literal(key_values));
  if (rows.empty()) return std::nullopt;
  if (rows.size() > 1) throw std::runtime_error("key matches more than one row");
  return std::move(rows.front());
}

Record TableReader::read_all(sql::Connection& connection) const {
  Record record;
  for_each_row(connection, select_, [&](Row&& row) {
    const std::string key = spec_.record_key(row);
    if (record.find(key) != nullptr) {
      throw std::runtime_error("two rows with key " + spec_.describe_key(row));
    }
    record.put(key, std::move(row));
  });
  return record;
}

void TableReader::for_each(sql::Connection& connection,
                           const std::function<void(Row&&)>& visit) const {
  for_each_row(connection, select_, visit);
}

Record load_record(sql::Connection& connection, const TableSpec& spec, const std::string& database,
                   const std::string& table) {
  return TableReader(spec, database, table).read_all(connection);
}

}  // namespace oa::test
