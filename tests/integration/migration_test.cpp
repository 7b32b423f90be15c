// Migrations of tables of different shapes while a Writer keeps changing them;
// the result is checked against the Writer's record, not against the tool.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include "expectations.h"
#include "migration_under_writes.h"
#include "suite.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/table_fill.h"
#include "support/text_query.h"
#include "table_shapes.h"

namespace oa::test {
TEST_CASE("integer primary key with a secondary index: ADD COLUMN with a default") {
  ScratchDatabase database(test_server(), "oa_it_intkey");
  const std::string table = "accounts";
  const TableSpec spec = integer_key_shape();
  expect_migrates_under_writes(spec, database.name(), table, 20000,
                               "ADD COLUMN added INT NOT NULL DEFAULT 42");

  auto connection = connect();
  CHECK(column_type(*connection, database.name(), table, "added") ==
        std::optional<std::string>("int(11)"));
  // Rows copied, rows written through the triggers and rows inserted after the
  // swap all got the default.
  CHECK(query_value(*connection, "SELECT COUNT(*) FROM " + qualified_name(database.name(), table) +
                                     " WHERE added <> 42") == Value("0"));
}

TEST_CASE("composite primary key (INT, VARCHAR): ADD INDEX") {
  ScratchDatabase database(test_server(), "oa_it_composite");
  const std::string table = "line_items";
  const TableSpec spec = composite_key_shape();
  expect_migrates_under_writes(spec, database.name(), table, 12000, "ADD INDEX idx_y (y)");

  auto connection = connect();
  CHECK(index_exists(*connection, database.name(), table, "idx_y"));
}

TEST_CASE("case-insensitive VARCHAR primary key with mixed-case keys: MODIFY a column") {
  ScratchDatabase database(test_server(), "oa_it_cikey");
  const std::string table = "codes";
  const TableSpec spec = case_insensitive_key_shape();
  expect_migrates_under_writes(spec, database.name(), table, 12000, "MODIFY v VARCHAR(200) NULL");

  auto connection = connect();
  CHECK(column_type(*connection, database.name(), table, "v") ==
        std::optional<std::string>("varchar(200)"));
}

TEST_CASE("no primary key, a NOT NULL UNIQUE key: ADD COLUMN") {
  ScratchDatabase database(test_server(), "oa_it_unique");
  const std::string table = "events";
  const TableSpec spec = unique_key_only_shape();
  expect_migrates_under_writes(spec, database.name(), table, 12000,
                               "ADD COLUMN note VARCHAR(20) NOT NULL DEFAULT 'none'");

  auto connection = connect();
  CHECK(column_type(*connection, database.name(), table, "note").has_value());
}

TEST_CASE("wide table of many column types: ENGINE=InnoDB rebuild") {
  ScratchDatabase database(test_server(), "oa_it_wide");
  const std::string table = "wide";
  const TableSpec spec = wide_shape();
  MigrationUnderWrites migration(spec, database.name(), table);
  migration.prepare(5000);
  auto connection = connect();
  const std::optional<std::uint64_t> id_before =
      innodb_table_id(*connection, database.name(), table);
  REQUIRE(id_before.has_value());

  const MigrationOutcome outcome =
      migration.run(tool_args(database.name(), table, "ENGINE=InnoDB", kSlowCopy), full_speed());
  expect_migrated(spec, database.name(), table, outcome);

  // No new column to look for: a new InnoDB table id shows that the table was
  // rebuilt and swapped in.
  const std::optional<std::uint64_t> id_after =
      innodb_table_id(*connection, database.name(), table);
  CHECK(id_after.has_value());
  CHECK(id_after != id_before);
}

TEST_CASE("awkward names: spaces, backticks, reserved words, non-ASCII letters") {
  // Database: spaces, a backtick, a reserved word, non-ASCII letters.
  ScratchDatabase database(test_server(),
                           "oa it `select` \xC3\x9Cn\xC3\xAF");  // oa it `select` Ünï
  const std::string table =
      "order `select` \xC3\x9Cn\xC3\xAF"
      "c\xC3\xB8"
      "d\xC3\xA9";                                      // order `select` Ünïcødé
  const std::string added = "new `col` \xC3\xB1 from";  // new `col` ñ from
  const TableSpec spec = awkward_names_shape();
  expect_migrates_under_writes(spec, database.name(), table, 8000,
                               "ADD COLUMN " + quote_identifier(added) + " INT NOT NULL DEFAULT 7");

  auto connection = connect();
  CHECK(column_type(*connection, database.name(), table, added).has_value());
  // The secondary indexes (built after the copy) are those of a table made
  // from the same definition: names, columns, prefixes, order, comments.
  const std::string reference = "reference";
  create_table(*connection, spec, database.name(), reference);
  CHECK(index_definitions(*connection, database.name(), table) ==
        index_definitions(*connection, database.name(), reference));
}

TEST_CASE("a 64-character table name: the tool's own names are shortened") {
  ScratchDatabase database(test_server(), "oa_it_longname");
  const std::string table = "customer_order_history_with_a_deliberately_long_name_for_name_64";
  REQUIRE(table.size() == 64);
  const TableSpec spec = integer_key_shape();
  // The shortened names themselves are the tool's business; that the run
  // succeeds and leaves nothing behind shows they were valid and were removed.
  expect_migrates_under_writes(spec, database.name(), table, 8000,
                               "ADD COLUMN added_flag TINYINT NOT NULL DEFAULT 1 FIRST");

  auto connection = connect();
  CHECK(column_type(*connection, database.name(), table, "added_flag").has_value());
}

}  // namespace oa::test
