// How the columns map from the original to the new table, under writes:
// dropped columns are left out, renamed ones carry their data, a name dropped
// and added again starts from its default, generated columns are never
// written; and a new primary key.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <algorithm>

#include "expectations.h"
#include "migration_under_writes.h"
#include "shared_table.h"
#include "suite.h"
#include "support/flag_file.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/text_query.h"
#include "support/tool_process.h"
#include "support/writer.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

// Columns of index `index` in order, comma-separated.
Value index_columns(const std::string& database, const std::string& table,
                    const std::string& index) {
  auto connection = connect();
  return query_value(*connection,
                     "SELECT GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) "
                     "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = " +
                         text_literal(database) + " AND TABLE_NAME = " + text_literal(table) +
                         " AND INDEX_NAME = " + text_literal(index));
}

// `record` with column `name` of every row set to `value`.
Record with_column_value(const TableSpec& spec, const Record& record, const std::string& name,
                         const std::string& value) {
  const std::vector<std::string> names = spec.column_names();
  const auto at =
      static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
  Record out;
  for (const auto& [key, row] : record.rows()) {
    Row changed = row;
    changed.at(at) = value;
    out.put(key, std::move(changed));
  }
  return out;
}

}  // namespace

TEST_CASE("DROP COLUMN while the writer writes the other columns") {
  ScratchDatabase database(test_server(), "oa_it_dropcol");
  const std::string table = "accounts";
  // The application stopped writing `pad` before its removal; the table still
  // has it (NULL) until the swap.
  TableSpec spec = integer_key_shape();
  spec.columns.erase(std::remove_if(spec.columns.begin(), spec.columns.end(),
                                    [](const ColumnSpec& c) { return c.name == "pad"; }),
                     spec.columns.end());
  expect_migrates_under_writes(spec, database.name(), table, 10000, "DROP COLUMN pad");

  auto connection = connect();
  CHECK_FALSE(column_type(*connection, database.name(), table, "pad").has_value());
}

TEST_CASE("a new primary key (id, k) whose k the writer keeps changing") {
  // An UPDATE of k moves a row to another key of the new table: the triggers
  // must find it by the shadow's key, not the original's.
  ScratchDatabase database(test_server(), "oa_it_newpk");
  const std::string table = "accounts";
  const TableSpec spec = integer_key_shape();
  expect_migrates_under_writes(spec, database.name(), table, 10000,
                               "DROP PRIMARY KEY, ADD PRIMARY KEY (id, k)");
  CHECK(index_columns(database.name(), table, "PRIMARY") == Value("id,k"));
}

TEST_CASE("renamed columns keep their data, the key column among them, under writes") {
  ScratchDatabase database(test_server(), "oa_it_rename");
  SharedTable table(database.name(), "orders", 6000, 0);
  Writer writer(test_server(), table.spec(), table.database(), table.table(), table.writer_rows(),
                table.writer_options(4));
  REQUIRE(writer.wait_for_commits(50, std::chrono::seconds(30)));
  // The Writer's statements name the old columns: it stops before the swap.
  FlagFile hold("oa_it_rename");
  ToolProcess tool(
      online_alter().binary(),
      tool_args(table.database(), table.table(),
                "RENAME COLUMN k TO k2, CHANGE COLUMN id order_id BIGINT NOT NULL AUTO_INCREMENT, "
                "DROP COLUMN c, ADD COLUMN c VARCHAR(100) NOT NULL DEFAULT 'new'",
                {"--execute", "--chunk-size", "500", "--postpone-cutover-file", hold.path()}));
  REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", std::chrono::seconds(120)),
                  tool.err_so_far());
  writer.stop();
  hold.remove();
  const ToolResult result = tool.wait();
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  CHECK_MESSAGE(result.last_out_line().find(" 0 mismatches, 0 repaired") != std::string::npos,
                result.describe());

  // The record under the new names; c was dropped and added again, so every
  // row holds its default, not the old value.
  TableSpec renamed = table.spec();
  renamed.key[0].name = "order_id";
  Record expected = writer.record();
  for (auto& column : renamed.columns) {
    if (column.name == "k") column.name = "k2";
  }
  expect_matches_record(renamed, table.database(), table.table(),
                        with_column_value(renamed, expected, "c", "new"));
  auto connection = connect();
  CHECK_FALSE(column_type(*connection, table.database(), table.table(), "k").has_value());
  CHECK(list_tables(*connection, table.database()) == std::vector<std::string>{"orders"});
  CHECK(list_triggers(*connection, table.database()).empty());
  expect_writer_succeeded(writer.stats());
}

TEST_CASE("generated columns, VIRTUAL and STORED, old and new, are never written") {
  // The server rejects a value for a generated column: a copy or an applier
  // that named one would fail. c_doubled is c_reversed renamed with another
  // expression: nothing may carry the old values into it.
  ScratchDatabase database(test_server(), "oa_it_generated");
  const std::string table = "measures";
  expect_migrates_under_writes(generated_columns_shape(), database.name(), table, 10000,
                               "CHANGE c_reversed c_doubled VARCHAR(80) AS (CONCAT(c, c)) STORED, "
                               "ADD COLUMN n_twice BIGINT AS (n * 2) STORED, "
                               "ADD COLUMN c_length INT AS (CHAR_LENGTH(c)) VIRTUAL");

  auto connection = connect();
  CHECK(query_value(*connection,
                    "SELECT COUNT(*) FROM " + qualified_name(database.name(), table) +
                        " WHERE NOT (n_plus <=> n + 1 AND c_doubled <=> CONCAT(c, c) AND "
                        "n_twice <=> n * 2 AND c_length <=> CHAR_LENGTH(c))") == Value("0"));
  CHECK_FALSE(column_type(*connection, database.name(), table, "c_reversed").has_value());
}

}  // namespace oa::test
