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

// A row the new definitions cannot hold: key number `n`, given `column` =
// `value` (SQL) before the run, expected to hold `converted` at `index`
// after a run with --allow-lossy.
struct Misfit {
  std::uint64_t n;
  std::string column;
  std::string value;
  std::size_t index;
  std::string converted;
};

// Fills `database`.items, gives it the misfits (which the Writer leaves
// alone), and checks that a strict run of `alter` stops naming the row
// `first_failing` and every word of `words`, with nothing changed; then that
// --allow-lossy migrates it under writes, converting the misfits.
void expect_strict_then_lossy(const std::string& database, const std::string& alter,
                              const std::vector<Misfit>& misfits, const std::string& first_failing,
                              const std::vector<std::string>& words) {
  const std::string table = "items";
  const TableSpec spec = narrowing_shape();
  MigrationUnderWrites migration(spec, database, table);
  migration.prepare(3000);
  std::vector<Row> converted;
  auto connection = connect();
  for (const Misfit& m : misfits) {
    Row row = migration.withhold(m.n);
    execute_sql(*connection, "UPDATE " + qualified_name(database, table) + " SET " + m.column +
                                 " = " + m.value + " WHERE id = " + *row.at(0));
    row.at(m.index) = m.converted;
    converted.push_back(std::move(row));
  }

  const DatabaseSnapshot before = snapshot_database(database);
  const ToolResult strict =
      online_alter().run(tool_args(database, table, alter, {"--execute", "--chunk-size", "1000"}));
  expect_error(strict, 5, words);
  CHECK_MESSAGE(strict.err.find("`id` = (" + first_failing + ")") != std::string::npos,
                strict.describe());
  CHECK_MESSAGE(contains_ignoring_case(strict.err, "--allow-lossy"), strict.describe());
  expect_unchanged(database, before);

  std::vector<std::string> lossy = kSlowCopy;
  lossy.push_back("--allow-lossy");
  MigrationOutcome outcome = migration.run(tool_args(database, table, alter, lossy), full_speed());
  for (const Row& row : converted) outcome.record.put(spec.record_key(row), row);
  expect_migrated(spec, database, table, outcome);
}

}  // namespace

TEST_CASE(
    "a value the new type cannot hold stops the copy, naming its row; --allow-lossy "
    "converts it under writes") {
  ScratchDatabase database(test_server(), "oa_it_lossy");
  // Truncated to the new length; NULL into NOT NULL INT becomes 0. The first
  // failing row of the first failing chunk is id 17.
  expect_strict_then_lossy(
      database.name(), kNarrowing,
      {{2345, "name", "'much-too-long'", 1, "much-too"}, {17, "n", "NULL", 2, "0"}}, "17",
      {"does not fit"});
}

TEST_CASE(
    "characters the new character set cannot represent stop the copy; --allow-lossy turns "
    "them into '?' under writes") {
  ScratchDatabase database(test_server(), "oa_it_charset");
  // One '?' for each character latin1 lacks, as the server converts them.
  expect_strict_then_lossy(database.name(), kToLatin1,
                           {{1234, "name", "'\xE6\xBC\xA2\xE5\xAD\x97'", 1, "??"}}, "1234",
                           {"does not fit", "`name`"});
}

}  // namespace oa::test
