#include "support/text_query.h"

#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>
#include <cppconn/statement.h>

#include <memory>

namespace oa::test {

void execute_sql(sql::Connection& connection, const std::string& statement) {
  std::unique_ptr<sql::Statement> handle(connection.createStatement());
  handle->execute(statement);
  // A statement that returned a result set must have it consumed and freed.
  std::unique_ptr<sql::ResultSet> ignored(handle->getResultSet());
}

void for_each_row(sql::Connection& connection, const std::string& query,
                  const std::function<void(Row&&)>& visit) {
  std::unique_ptr<sql::Statement> handle(connection.createStatement());
  std::unique_ptr<sql::ResultSet> result(handle->executeQuery(query));
  const unsigned columns = result->getMetaData()->getColumnCount();
  while (result->next()) {
    Row row;
    row.reserve(columns);
    for (unsigned i = 1; i <= columns; ++i) {
      sql::SQLString text = result->getString(i);
      if (result->wasNull()) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(text.asStdString());
      }
    }
    visit(std::move(row));
  }
}

std::vector<Row> query_rows(sql::Connection& connection, const std::string& query) {
  std::vector<Row> rows;
  for_each_row(connection, query, [&rows](Row&& row) { rows.push_back(std::move(row)); });
  return rows;
}

Value query_value(sql::Connection& connection, const std::string& query) {
  std::vector<Row> rows = query_rows(connection, query);
  if (rows.empty() || rows.front().empty()) return std::nullopt;
  return rows.front().front();
}

}  // namespace oa::test
