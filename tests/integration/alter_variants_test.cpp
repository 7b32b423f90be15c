// ALTERs beyond adding things: dropping and renaming columns, replacing the
// primary key, and a unique key the existing rows violate.
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
#include "support/table_fill.h"
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

TEST_CASE("ADD UNIQUE KEY over duplicate values fails and loses no row") {
  // k takes 1000 values in 3000 rows. A copy that skips rows on a duplicate
  // key (INSERT IGNORE, ON DUPLICATE KEY UPDATE) would silently drop rows.
  ScratchDatabase database(test_server(), "oa_it_dupkey");
  const std::string table = "accounts";
  {
    auto connection = connect();
    create_table(*connection, integer_key_shape(), database.name(), table);
    fill_table(*connection, integer_key_shape(), database.name(), table, 3000);
  }
  const DatabaseSnapshot before = snapshot_database(database.name());
  const ToolResult result =
      online_alter().run(tool_args(database.name(), table, "ADD UNIQUE KEY uk (k)", kSlowCopy));
  // Refused before the copy, naming the key, and the query that lists the duplicates.
  expect_error(result, 4, {"UNIQUE key `uk`"});
  CHECK_MESSAGE(
      result.err.find("List every duplicate with: SELECT `k`, COUNT(*)") != std::string::npos,
      result.describe());
  expect_unchanged(database.name(), before);
}

TEST_CASE("a collation that makes distinct values of a unique key equal is refused") {
  ScratchDatabase database(test_server(), "oa_it_collation");
  auto connection = connect();
  const std::string table = qualified_name(database.name(), "tags");
  execute_sql(*connection, "CREATE TABLE " + table +
                               " (id INT PRIMARY KEY, name VARCHAR(20) COLLATE utf8mb4_bin NOT "
                               "NULL, UNIQUE KEY uname (name)) DEFAULT CHARSET=utf8mb4");
  execute_sql(*connection, "INSERT INTO " + table + " VALUES (1, 'Apple'), (2, 'apple'), (3, 'b')");
  const DatabaseSnapshot before = snapshot_database(database.name());
  const ToolResult result = online_alter().run(
      tool_args(database.name(), "tags",
                "MODIFY name VARCHAR(20) COLLATE utf8mb4_general_ci NOT NULL", {"--execute"}));
  expect_error(result, 4, {"UNIQUE key `uname`"});
  CHECK_MESSAGE(contains_ignoring_case(result.err, "2 rows"), result.describe());
  expect_unchanged(database.name(), before);
}

TEST_CASE("a duplicate the application writes during the run stops it before the swap") {
  ScratchDatabase database(test_server(), "oa_it_late_dup");
  auto connection = connect();
  const std::string table = qualified_name(database.name(), "accounts");
  execute_sql(*connection, "CREATE TABLE " + table + " (id INT PRIMARY KEY, email VARCHAR(40))");
  for (int i = 0; i < 2000; i += 500) {
    std::string values;
    for (int n = i; n < i + 500; ++n) {
      values += (values.empty() ? "(" : ", (") + std::to_string(n) + ", 'user" + std::to_string(n) +
                "@example.com')";
    }
    execute_sql(*connection, "INSERT INTO " + table + " VALUES " + values);
  }
  FlagFile hold("oa_it_late_dup");
  ToolProcess tool(online_alter().binary(),
                   tool_args(database.name(), "accounts", "ADD UNIQUE KEY uemail (email)",
                             {"--execute", "--postpone-cutover-file", hold.path()}));
  REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", std::chrono::seconds(120)),
                  tool.err_so_far());
  // The application's write succeeds: the triggers only log its key.
  execute_sql(*connection, "INSERT INTO " + table + " VALUES (5000, 'user7@example.com')");
  const ToolResult result = tool.wait();
  expect_error(result, 5, {"uemail"});
  CHECK_MESSAGE(result.err.find("user7@example.com") != std::string::npos, result.describe());
  CHECK(list_tables(*connection, database.name()) == std::vector<std::string>{"accounts"});
  CHECK(list_triggers(*connection, database.name()).empty());
  CHECK(query_value(*connection, "SELECT COUNT(*) FROM " + table) == Value("2001"));
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
}

TEST_CASE(
    "a value the new type cannot hold stops the copy, naming its row; --allow-lossy "
    "converts it") {
  ScratchDatabase database(test_server(), "oa_it_lossy");
  auto connection = connect();
  const std::string table = qualified_name(database.name(), "items");
  execute_sql(*connection, "CREATE TABLE " + table +
                               " (id INT PRIMARY KEY, name VARCHAR(30), n INT) DEFAULT "
                               "CHARSET=utf8mb4");
  for (int i = 0; i < 3000; i += 500) {
    std::string values;
    for (int n = i; n < i + 500; ++n) {
      values += (values.empty() ? "(" : ", (") + std::to_string(n) + ", 'n" + std::to_string(n) +
                "', " + std::to_string(n) + ")";
    }
    execute_sql(*connection, "INSERT INTO " + table + " VALUES " + values);
  }
  execute_sql(*connection, "UPDATE " + table + " SET name = 'much-too-long' WHERE id = 2345");
  execute_sql(*connection, "UPDATE " + table + " SET n = NULL WHERE id = 17");
  const DatabaseSnapshot before = snapshot_database(database.name());
  const std::string alter = "MODIFY name VARCHAR(8), MODIFY n INT NOT NULL";

  const ToolResult strict = online_alter().run(
      tool_args(database.name(), "items", alter, {"--execute", "--chunk-size", "1000"}));
  expect_error(strict, 5, {"does not fit"});
  // The first failing row of the first failing chunk: id 17 (NULL into NOT NULL).
  CHECK_MESSAGE(strict.err.find("`id` = (17)") != std::string::npos, strict.describe());
  CHECK_MESSAGE(contains_ignoring_case(strict.err, "--allow-lossy"), strict.describe());
  expect_unchanged(database.name(), before);

  const ToolResult lossy = online_alter().run(
      tool_args(database.name(), "items", alter, {"--execute", "--allow-lossy"}));
  CHECK_MESSAGE(lossy.exit_code == 0, lossy.describe());
  CHECK(query_value(*connection, "SELECT name FROM " + table + " WHERE id = 2345") ==
        Value("much-too"));
  CHECK(query_value(*connection, "SELECT n FROM " + table + " WHERE id = 17") == Value("0"));
  CHECK(query_value(*connection, "SELECT COUNT(*) FROM " + table) == Value("3000"));
  CHECK(list_tables(*connection, database.name()) == std::vector<std::string>{"items"});
}

}  // namespace oa::test
