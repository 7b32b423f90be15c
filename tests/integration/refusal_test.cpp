// Preflight refusals: exit code 4 (3 when the server cannot be reached), an
// error line naming the cause, and the database exactly as it was.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include "expectations.h"
#include "suite.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/table_fill.h"
#include "support/text_query.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

constexpr int kRefused = 4;
constexpr int kCannotConnect = 3;
constexpr std::uint64_t kRows = 500;
const char kAddColumn[] = "ADD COLUMN added INT NULL";

// `database`.`table` of shape `spec` with kRows rows.
void create_filled_table(const std::string& database, const std::string& table,
                         const TableSpec& spec = integer_key_shape()) {
  auto connection = connect();
  create_table(*connection, spec, database, table);
  fill_table(*connection, spec, database, table, kRows);
}

void run_sql(const std::string& statement) {
  auto connection = connect();
  execute_sql(*connection, statement);
}

// Runs the tool with --execute and checks the refusal and that nothing changed.
void expect_refusal(const std::string& database, const std::string& table, const std::string& alter,
                    const std::vector<std::string>& words) {
  const DatabaseSnapshot before = snapshot_database(database);
  const ToolResult result = online_alter().run(tool_args(database, table, alter, {"--execute"}));
  expect_error(result, kRefused, words);
  expect_unchanged(database, before);
}

}  // namespace

TEST_CASE("refusal: the database does not exist") {
  ScratchDatabase witness(test_server(), "oa_it_nodb");
  const std::string missing = witness.name() + "_missing";
  const ToolResult result = online_alter().run(tool_args(missing, "t", kAddColumn, {"--execute"}));
  expect_error(result, kRefused, {missing});
  auto connection = connect();
  CHECK_FALSE(
      query_value(*connection,
                  "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = " +
                      text_literal(missing))
          .has_value());
}

TEST_CASE("refusal: the table does not exist") {
  ScratchDatabase database(test_server(), "oa_it_notable");
  create_filled_table(database.name(), "present");
  expect_refusal(database.name(), "absent_table", kAddColumn, {"absent_table"});
}

TEST_CASE("refusal: no PRIMARY KEY and no NOT NULL UNIQUE key") {
  ScratchDatabase database(test_server(), "oa_it_nokey");
  const std::string table = "heap";
  // A UNIQUE key over a nullable column does not identify rows.
  run_sql("CREATE TABLE " + qualified_name(database.name(), table) +
          " (a INT NULL, b VARCHAR(10) NOT NULL, UNIQUE KEY ua (a), KEY b (b)) ENGINE=InnoDB");
  run_sql("INSERT INTO " + qualified_name(database.name(), table) +
          " VALUES (1, 'x'), (NULL, 'y'), (NULL, 'y'), (2, 'z')");
  expect_refusal(database.name(), table, kAddColumn, {"primary key", "unique"});
}

TEST_CASE("refusal: the ALTER renames the table") {
  ScratchDatabase database(test_server(), "oa_it_rename");
  create_filled_table(database.name(), "items");
  expect_refusal(database.name(), "items", "RENAME TO renamed_items", {"RENAME"});
  expect_refusal(database.name(), "items", "ADD COLUMN x INT, RENAME AS renamed_items", {"RENAME"});
}

TEST_CASE("refusal: the ALTER drops the primary key") {
  ScratchDatabase database(test_server(), "oa_it_droppk");
  // No AUTO_INCREMENT, which the server itself requires to be a key.
  create_filled_table(database.name(), "items", twenty_character_shape());
  expect_refusal(database.name(), "items", "DROP PRIMARY KEY", {"primary key"});
}

TEST_CASE("refusal: the ALTER is not valid SQL") {
  ScratchDatabase database(test_server(), "oa_it_syntax");
  create_filled_table(database.name(), "items");
  expect_refusal(database.name(), "items", "ADD COLUMN broken INT NOT NULL DEFAULT ((", {"syntax"});
  // Valid syntax that the server rejects for this table.
  expect_refusal(database.name(), "items", "DROP COLUMN no_such_column", {"no_such_column"});
}

TEST_CASE("refusal: a read_only server, as replicas are; --allow-on-replica overrides it") {
  ScratchDatabase database(test_server(), "oa_it_read_only");
  create_filled_table(database.name(), "items");
  run_sql("SET GLOBAL read_only = ON");
  struct Restore {
    ~Restore() {
      try {
        run_sql("SET GLOBAL read_only = OFF");
      } catch (const std::exception& e) {
        MESSAGE("could not turn read_only off again: " << e.what());
      }
    }
  } restore;
  expect_refusal(database.name(), "items", kAddColumn, {"read_only"});
  // The test account has SUPER, so it may still write.
  const ToolResult forced = online_alter().run(
      tool_args(database.name(), "items", kAddColumn, {"--execute", "--allow-on-replica"}));
  CHECK_MESSAGE(forced.exit_code == 0, forced.describe());
}

TEST_CASE("refusal: the shadow table name T_oa_new is taken") {
  ScratchDatabase database(test_server(), "oa_it_taken");
  create_filled_table(database.name(), "items");
  run_sql("CREATE TABLE " + qualified_name(database.name(), "items_oa_new") +
          " (x INT PRIMARY KEY, note VARCHAR(20))");
  run_sql("INSERT INTO " + qualified_name(database.name(), "items_oa_new") +
          " VALUES (1, 'not the tool''s'), (2, 'keep me')");
  // The snapshot includes items_oa_new: it must still be there, untouched.
  expect_refusal(database.name(), "items", kAddColumn, {"items_oa_new"});
}

TEST_CASE("refusal: the old table name _T_old is taken") {
  ScratchDatabase database(test_server(), "oa_it_taken_old");
  create_filled_table(database.name(), "items");
  run_sql("CREATE TABLE " + qualified_name(database.name(), "_items_old") + " (x INT PRIMARY KEY)");
  expect_refusal(database.name(), "items", kAddColumn, {"_items_old"});
}

TEST_CASE("refusal: the name is a view") {
  ScratchDatabase database(test_server(), "oa_it_view");
  create_filled_table(database.name(), "items");
  run_sql("CREATE VIEW " + qualified_name(database.name(), "recent_items") +
          " AS SELECT id, k FROM " + qualified_name(database.name(), "items") + " WHERE id > 250");
  // The snapshot holds the view and the table under it.
  expect_refusal(database.name(), "recent_items", kAddColumn, {"VIEW"});
}

TEST_CASE("refusal: a TEMPORARY table, which only the session that created it sees") {
  ScratchDatabase database(test_server(), "oa_it_temporary");
  create_filled_table(database.name(), "items");
  // The session keeps the TEMPORARY table for as long as the tool runs.
  auto session = connect();
  const std::string scratch = qualified_name(database.name(), "scratch");
  execute_sql(*session, "CREATE TEMPORARY TABLE " + scratch +
                            " (id INT PRIMARY KEY, v VARCHAR(10)) ENGINE=InnoDB");
  execute_sql(*session, "INSERT INTO " + scratch + " VALUES (1, 'a'), (2, 'b')");
  const std::vector<Row> definition = query_rows(*session, "SHOW CREATE TABLE " + scratch);
  const ContentHash content = content_hash(*session, database.name(), "scratch");

  expect_refusal(database.name(), "scratch", kAddColumn, {"TEMPORARY"});
  CHECK(query_rows(*session, "SHOW CREATE TABLE " + scratch) == definition);
  CHECK(content_hash(*session, database.name(), "scratch") == content);
}

TEST_CASE("refusal: the table is not InnoDB") {
  ScratchDatabase database(test_server(), "oa_it_myisam");
  run_sql("CREATE TABLE " + qualified_name(database.name(), "legacy") +
          " (id INT PRIMARY KEY, v VARCHAR(10)) ENGINE=MyISAM");
  run_sql("INSERT INTO " + qualified_name(database.name(), "legacy") +
          " VALUES (1, 'a'), (2, 'b')");
  expect_refusal(database.name(), "legacy", kAddColumn, {"InnoDB", "engine"});
}

TEST_CASE("refusal: nothing listens on the port: exit code 3") {
  ScratchDatabase database(test_server(), "oa_it_noport");
  create_filled_table(database.name(), "items");
  const DatabaseSnapshot before = snapshot_database(database.name());
  // Port 1 (tcpmux) is privileged and unused on any test machine.
  std::vector<std::string> args = {
      "--host",     test_server().host(), "--port",  "1",     "--user",  test_server().user(),
      "--database", database.name(),      "--table", "items", "--alter", kAddColumn,
      "--execute"};
  const ToolResult result = online_alter().run(args);
  expect_error(result, kCannotConnect, {"connect", ":1"});
  expect_unchanged(database.name(), before);
}

}  // namespace oa::test
