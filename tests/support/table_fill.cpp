#include "support/table_fill.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>

#include <algorithm>
#include <memory>
#include <random>

#include "support/parameter_binder.h"
#include "support/sql_text.h"
#include "support/text_query.h"
#include "support/write_statements.h"

namespace oa::test {
namespace {

constexpr std::uint64_t kRowsPerInsert = 200;  // few round trips, far below max_allowed_packet

}  // namespace

void create_table(sql::Connection& connection, const TableSpec& spec, const std::string& database,
                  const std::string& table) {
  execute_sql(connection, spec.create_statement(qualified_name(database, table)));
}

void fill_table(sql::Connection& connection, const TableSpec& spec, const std::string& database,
                const std::string& table, std::uint64_t rows, std::uint64_t seed) {
  const WriteStatements statements(spec, qualified_name(database, table));
  std::mt19937_64 rng(seed);
  for (std::uint64_t first = 0; first < rows; first += kRowsPerInsert) {
    const std::uint64_t count = std::min(kRowsPerInsert, rows - first);
    std::unique_ptr<sql::PreparedStatement> insert(
        connection.prepareStatement(statements.insert(static_cast<std::size_t>(count))));
    ParameterBinder binder(*insert);
    for (std::uint64_t n = first; n < first + count; ++n) {
      for (const std::string& value : spec.key_for(n)) binder.bind(value);
      for (const ColumnSpec& column : spec.columns)
        binder.bind(column.generate(rng), column.binary);
    }
    insert->executeUpdate();
  }
}

}  // namespace oa::test
