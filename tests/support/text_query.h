// Statements and queries over the text protocol. Reads go through here because
// the text protocol returns every value exactly as the server formats it; the
// binary protocol of prepared statements makes Connector/C++ 1.1 print DOUBLE
// and FLOAT with six decimals, which would hide differences.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "support/row.h"

namespace sql {
class Connection;
}  // namespace sql

namespace oa::test {

// Runs one statement and discards any result. Throws sql::SQLException.
void execute_sql(sql::Connection& connection, const std::string& statement);

// Calls `visit` with each row of a query in turn, each value in the server's
// text form, without collecting them. Throws sql::SQLException.
void for_each_row(sql::Connection& connection, const std::string& query,
                  const std::function<void(Row&&)>& visit);

// All rows of a query, each value in the server's text form. Throws sql::SQLException.
std::vector<Row> query_rows(sql::Connection& connection, const std::string& query);

// The first column of the first row, or nullopt when there is no row or it is NULL.
Value query_value(sql::Connection& connection, const std::string& query);

}  // namespace oa::test
