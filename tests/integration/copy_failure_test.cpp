// A migration that fails during the copy (values that no longer fit) must exit
// 5, say why, remove everything it created and leave the original as it was.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include "expectations.h"
#include "migration_under_writes.h"
#include "suite.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/table_fill.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

constexpr int kMigrationFailed = 5;
const char kShrink[] = "MODIFY v VARCHAR(5) NOT NULL";

// Words of a message that names the cause: the column or the server's error.
const std::vector<std::string> kCauseWords = {"`v`",     "'v'",  "column v", "data too long",
                                              "truncat", "1406", "1265"};

}  // namespace

TEST_CASE("copy failure: 20-character values into VARCHAR(5) leave the original untouched") {
  ScratchDatabase database(test_server(), "oa_it_copyfail");
  const std::string table = "notes";
  const TableSpec spec = twenty_character_shape();
  {
    auto connection = connect();
    create_table(*connection, spec, database.name(), table);
    fill_table(*connection, spec, database.name(), table, 3000);
  }
  const DatabaseSnapshot before = snapshot_database(database.name());

  const ToolResult result = online_alter().run(
      tool_args(database.name(), table, kShrink, {"--execute", "--chunk-size", "500"}));
  expect_error(result, kMigrationFailed, kCauseWords);
  expect_unchanged(database.name(), before);
}

TEST_CASE("copy failure under writes: the original keeps every committed write") {
  ScratchDatabase database(test_server(), "oa_it_copyfail_w");
  const std::string table = "notes";
  const TableSpec spec = twenty_character_shape();
  MigrationUnderWrites migration(spec, database.name(), table);
  migration.prepare(4000);
  MigrationScenario scenario;
  scenario.writer.threads = 4;
  const MigrationOutcome outcome =
      migration.run(tool_args(database.name(), table, kShrink,
                              {"--execute", "--chunk-size", "500", "--sleep", "0.05"}),
                    scenario);
  expect_error(outcome.tool, kMigrationFailed, kCauseWords);

  expect_matches_record(spec, database.name(), table, outcome.record);
  auto connection = connect();
  CHECK(list_tables(*connection, database.name()) == std::vector<std::string>{table});
  CHECK(list_triggers(*connection, database.name()).empty());
  CHECK_FALSE(column_type(*connection, database.name(), table, "v") ==
              std::optional<std::string>("varchar(5)"));
  MESSAGE("writer: " << outcome.writer.summary());
  CHECK(outcome.writer.errors_except({1213, 1205}) == 0);
}

}  // namespace oa::test
