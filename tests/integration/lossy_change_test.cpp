// A change to narrower types or to a smaller character set: rows the new
// definitions cannot hold stop the copy and leave the table as it was; with
// --allow-lossy they are converted as the server converts them, while the
// writer's values pass unchanged.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include "expectations.h"
#include "migration_under_writes.h"
#include "suite.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/text_query.h"
#include "support/value_generators.h"

namespace oa::test {
namespace {

const char kNarrowing[] = "MODIFY name VARCHAR(8), MODIFY n INT NOT NULL";

// id INT PRIMARY KEY from 0, name VARCHAR(30) NULL, n INT NULL; every value
// the fill and the Writer write also fits kNarrowing's types.
TableSpec narrowing_shape() {
  TableSpec spec;
  spec.create_template =
      "CREATE TABLE {table} (id INT NOT NULL PRIMARY KEY, name VARCHAR(30) NULL, n INT NULL) "
      "DEFAULT CHARSET=utf8mb4 ENGINE=InnoDB";
  spec.key.push_back({"id", [](std::uint64_t n) { return std::to_string(n); }});
  spec.columns.push_back({"name", ascii_text(0, 8)});
  spec.columns.push_back({"n", integer_between(-1000000, 1000000)});
  return spec;
}

// The name column in utf8mb4 going to latin1, which has no CJK characters.
const char kToLatin1[] = "MODIFY name VARCHAR(30) CHARACTER SET latin1 NULL";

}  // namespace

TEST_CASE(
    "a value the new type cannot hold stops the copy, naming its row; --allow-lossy "
    "converts it under writes") {
  ScratchDatabase database(test_server(), "oa_it_lossy");
  const std::string table = "items";
  const TableSpec spec = narrowing_shape();
  MigrationUnderWrites migration(spec, database.name(), table);
  migration.prepare(3000);
  // Two rows that do not fit, which the Writer leaves alone.
  Row long_name = migration.withhold(2345);
  Row null_n = migration.withhold(17);
  auto connection = connect();
  execute_sql(*connection, "UPDATE " + qualified_name(database.name(), table) +
                               " SET name = 'much-too-long' WHERE id = 2345");
  execute_sql(*connection,
              "UPDATE " + qualified_name(database.name(), table) + " SET n = NULL WHERE id = 17");

  const DatabaseSnapshot before = snapshot_database(database.name());
  const ToolResult strict = online_alter().run(
      tool_args(database.name(), table, kNarrowing, {"--execute", "--chunk-size", "1000"}));
  expect_error(strict, 5, {"does not fit"});
  // The first failing row of the first failing chunk: id 17 (NULL into NOT NULL).
  CHECK_MESSAGE(strict.err.find("`id` = (17)") != std::string::npos, strict.describe());
  CHECK_MESSAGE(contains_ignoring_case(strict.err, "--allow-lossy"), strict.describe());
  expect_unchanged(database.name(), before);

  std::vector<std::string> lossy = kSlowCopy;
  lossy.push_back("--allow-lossy");
  MigrationOutcome outcome =
      migration.run(tool_args(database.name(), table, kNarrowing, lossy), full_speed());
  // Truncated to the new length; NULL into NOT NULL INT becomes 0.
  long_name.at(1) = "much-too";
  null_n.at(2) = "0";
  outcome.record.put(spec.record_key(long_name), long_name);
  outcome.record.put(spec.record_key(null_n), null_n);
  expect_migrated(spec, database.name(), table, outcome);
}

TEST_CASE(
    "characters the new character set cannot represent stop the copy; --allow-lossy turns "
    "them into '?' under writes") {
  ScratchDatabase database(test_server(), "oa_it_charset");
  const std::string table = "items";
  const TableSpec spec = narrowing_shape();
  MigrationUnderWrites migration(spec, database.name(), table);
  migration.prepare(3000);
  Row kanji = migration.withhold(1234);
  auto connection = connect();
  execute_sql(*connection, "UPDATE " + qualified_name(database.name(), table) +
                               " SET name = '\xE6\xBC\xA2\xE5\xAD\x97' WHERE id = 1234");

  const DatabaseSnapshot before = snapshot_database(database.name());
  const ToolResult strict = online_alter().run(
      tool_args(database.name(), table, kToLatin1, {"--execute", "--chunk-size", "1000"}));
  expect_error(strict, 5, {"does not fit", "`name`"});
  CHECK_MESSAGE(strict.err.find("`id` = (1234)") != std::string::npos, strict.describe());
  expect_unchanged(database.name(), before);

  std::vector<std::string> lossy = kSlowCopy;
  lossy.push_back("--allow-lossy");
  MigrationOutcome outcome =
      migration.run(tool_args(database.name(), table, kToLatin1, lossy), full_speed());
  // One '?' for each character latin1 lacks, as the server converts them.
  kanji.at(1) = "??";
  outcome.record.put(spec.record_key(kanji), kanji);
  expect_migrated(spec, database.name(), table, outcome);
}

}  // namespace oa::test
