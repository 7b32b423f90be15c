// Tables of particular kinds, each migrated under writes: partitioned, with
// an AUTO_INCREMENT counter above their largest key, and on a server whose
// sql_mode has ANSI_QUOTES.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include "expectations.h"
#include "migration_under_writes.h"
#include "suite.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/text_query.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

// Far above any key a Writer reaches in one test (a few thousand a second).
const char kCounterAboveKeys[] = "1000000000";

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

TEST_CASE("the AUTO_INCREMENT counter carries over under writes: no id is handed out twice") {
  ScratchDatabase database(test_server(), "oa_it_autoinc");
  const std::string table = "orders";
  const TableSpec spec = integer_key_shape();
  MigrationUnderWrites migration(spec, database.name(), table);
  migration.prepare(5000);
  auto connection = connect();
  // As after deleting the rows of the highest ids: the counter is above every
  // key, the Writer's included.
  execute_sql(*connection, "ALTER TABLE " + qualified_name(database.name(), table) +
                               " AUTO_INCREMENT = " + kCounterAboveKeys);
  const MigrationOutcome outcome = migration.run(
      tool_args(database.name(), table, "ADD COLUMN note INT", kSlowCopy), full_speed());
  expect_migrated(spec, database.name(), table, outcome);

  execute_sql(*connection, "INSERT INTO " + qualified_name(database.name(), table) +
                               " (k, c) VALUES (1, 'after')");
  CHECK(query_value(*connection, "SELECT LAST_INSERT_ID()") == Value(kCounterAboveKeys));
}

TEST_CASE("ANSI_QUOTES in the server's sql_mode, under writes") {
  ScratchDatabase database(test_server(), "oa_it_ansi");
  // Before the Writer and the tool connect: their sessions all run under it.
  GlobalSqlMode ansi("ANSI_QUOTES,STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION");
  expect_migrates_under_writes(integer_key_shape(), database.name(), "accounts", 8000,
                               "ADD COLUMN \"note\" VARCHAR(10) NOT NULL DEFAULT 'x'");
  auto connection = connect();
  CHECK(column_type(*connection, database.name(), "accounts", "note") ==
        std::optional<std::string>("varchar(10)"));
}

}  // namespace oa::test
