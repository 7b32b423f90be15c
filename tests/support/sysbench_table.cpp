#include "support/sysbench_table.h"

#include <algorithm>

#include "support/sql_text.h"
#include "support/text_query.h"
#include "support/value_generators.h"

namespace oa::test {
namespace {

constexpr std::uint64_t kRowsPerBatch = 100000;  // bounds each statement's undo log
constexpr int kGroupsInC = 10;                   // 10 x 11 digits + 9 dashes = 119 characters
constexpr int kGroupsInPad = 5;                  // 5 x 11 digits + 4 dashes = 59 characters

// SQL for `groups` groups of 11 random digits joined by '-', like sysbench.
std::string digit_groups_sql(int groups) {
  std::string sql = "CONCAT_WS('-'";
  for (int i = 0; i < groups; ++i) sql += ", LPAD(FLOOR(RAND() * 100000000000), 11, '0')";
  return sql + ")";
}

}  // namespace

TableSpec sysbench_table_spec(std::uint64_t k_range) {
  TableSpec spec;
  spec.create_template =
      "CREATE TABLE {table} (id BIGINT NOT NULL PRIMARY KEY, k INT NOT NULL, "
      "c CHAR(120) NOT NULL, pad CHAR(60) NOT NULL, KEY k(k)) ENGINE=InnoDB";
  spec.key.push_back({"id", [](std::uint64_t n) { return std::to_string(n + 1); }});
  spec.columns.push_back(
      {"k", integer_between(1, static_cast<std::int64_t>(std::max<std::uint64_t>(k_range, 1)))});
  spec.columns.push_back(
      {"c", [](std::mt19937_64& rng) -> Value { return digit_groups(rng, kGroupsInC); }});
  spec.columns.push_back(
      {"pad", [](std::mt19937_64& rng) -> Value { return digit_groups(rng, kGroupsInPad); }});
  return spec;
}

void prepare_sysbench_table(sql::Connection& connection, const std::string& database,
                            const std::string& table, std::uint64_t rows) {
  const std::string qualified = qualified_name(database, table);
  execute_sql(connection, "CREATE DATABASE IF NOT EXISTS " + quote_identifier(database));
  execute_sql(connection, "DROP TABLE IF EXISTS " + qualified);
  execute_sql(connection, sysbench_table_spec(rows).create_statement(qualified));
  const std::string k_range = std::to_string(std::max<std::uint64_t>(rows, 1));
  // The SEQUENCE engine's seq_<from>_to_<to> tables exist in every database.
  for (std::uint64_t first = 1; first <= rows; first += kRowsPerBatch) {
    const std::uint64_t last = std::min(rows, first + kRowsPerBatch - 1);
    execute_sql(connection,
                "INSERT INTO " + qualified + " (id, k, c, pad) SELECT seq, FLOOR(1 + RAND() * " +
                    k_range + "), " + digit_groups_sql(kGroupsInC) + ", " +
                    digit_groups_sql(kGroupsInPad) + " FROM " + quote_identifier(database) +
                    ".seq_" + std::to_string(first) + "_to_" + std::to_string(last));
  }
}

}  // namespace oa::test
