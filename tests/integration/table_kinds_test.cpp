// Tables of particular kinds: partitioned, with an AUTO_INCREMENT counter
// above their largest key, and on a server whose sql_mode has ANSI_QUOTES.
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

// Sets the server's global sql_mode for new sessions and puts it back.
class GlobalSqlMode {
 public:
  explicit GlobalSqlMode(const std::string& mode) {
    auto connection = connect();
    previous_ = query_value(*connection, "SELECT @@GLOBAL.sql_mode").value_or("");
    execute_sql(*connection, "SET GLOBAL sql_mode = " + text_literal(mode));
  }
  ~GlobalSqlMode() {
    try {
      execute_sql(*connect(), "SET GLOBAL sql_mode = " + text_literal(previous_));
    } catch (const std::exception& e) {
      MESSAGE("could not restore the global sql_mode: " << e.what());
    }
  }
  GlobalSqlMode(const GlobalSqlMode&) = delete;
  GlobalSqlMode& operator=(const GlobalSqlMode&) = delete;

 private:
  std::string previous_;
};

}  // namespace

TEST_CASE("a partitioned table keeps its partitioning") {
  ScratchDatabase database(test_server(), "oa_it_partitioned");
  TableSpec spec = integer_key_shape();
  spec.create_template += " PARTITION BY HASH (id) PARTITIONS 4";
  expect_migrates_under_writes(spec, database.name(), "accounts", 8000,
                               "ADD COLUMN added INT NOT NULL DEFAULT 42");
  auto connection = connect();
  CHECK(query_value(*connection,
                    "SELECT COUNT(*) FROM information_schema.PARTITIONS WHERE TABLE_SCHEMA = " +
                        text_literal(database.name()) + " AND TABLE_NAME = 'accounts'") ==
        Value("4"));
}

TEST_CASE("the AUTO_INCREMENT counter carries over: no id of a deleted row is handed out again") {
  ScratchDatabase database(test_server(), "oa_it_autoinc");
  auto connection = connect();
  const std::string table = qualified_name(database.name(), "orders");
  create_table(*connection, integer_key_shape(), database.name(), "orders");
  fill_table(*connection, integer_key_shape(), database.name(), "orders", 1000);
  execute_sql(*connection, "DELETE FROM " + table + " WHERE id > 500");
  const ToolResult result = online_alter().run(
      tool_args(database.name(), "orders", "ADD COLUMN note INT", {"--execute"}));
  REQUIRE_MESSAGE(result.exit_code == 0, result.describe());
  execute_sql(*connection, "INSERT INTO " + table + " (k, c) VALUES (1, 'after')");
  CHECK(query_value(*connection, "SELECT id FROM " + table + " WHERE c = 'after'") ==
        Value("1001"));
}

TEST_CASE("ANSI_QUOTES in the server's sql_mode") {
  ScratchDatabase database(test_server(), "oa_it_ansi");
  {
    auto connection = connect();
    create_table(*connection, integer_key_shape(), database.name(), "accounts");
    fill_table(*connection, integer_key_shape(), database.name(), "accounts", 3000);
  }
  const DatabaseSnapshot before = snapshot_database(database.name());
  {
    GlobalSqlMode ansi("ANSI_QUOTES,STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION");
    const ToolResult result = online_alter().run(
        tool_args(database.name(), "accounts",
                  "ADD COLUMN \"note\" VARCHAR(10) NOT NULL DEFAULT 'x'", {"--execute"}));
    CHECK_MESSAGE(result.exit_code == 0, result.describe());
    CHECK_MESSAGE(result.last_out_line().find(" 0 mismatches, 0 repaired") != std::string::npos,
                  result.describe());
  }
  auto connection = connect();
  CHECK(column_type(*connection, database.name(), "accounts", "note").has_value());
  CHECK(list_tables(*connection, database.name()) == std::vector<std::string>{"accounts"});
  // The rows as before, over the columns they had.
  CHECK(content_hash(*connection, database.name(), "accounts").rows ==
        before.contents.at("accounts").rows);
}

}  // namespace oa::test
