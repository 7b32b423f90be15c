// The rows the tool writes after the verification pass compared them are
// compared again. A trigger on the shadow stands in for a bug in the
// applier: created once the copy has finished, it spoils the rows the
// applier writes while the cut-over waits and the Writer goes on. Results are
// compared with the Writer's record, never with what the tool reports.
#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "expectations.h"
#include "migration_under_writes.h"
#include "suite.h"
#include "support/flag_file.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/text_query.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr int kVerificationFailed = 9;
const char kTable[] = "items";
const char kAlter[] = "ADD COLUMN extra INT NOT NULL DEFAULT 7";

// Polls (for at most two minutes) until the checkpoint says the copy is
// complete; false when it never does.
bool wait_until_copied(sql::Connection& c, const std::string& db) {
  for (int i = 0; i < 2400; ++i) {
    try {
      if (query_value(c, "SELECT stage FROM " + qualified_name(db, "items_oa_chk")) ==
          Value("copied")) {
        return true;
      }
    } catch (const sql::SQLException&) {
      // not created yet
    }
    std::this_thread::sleep_for(milliseconds(50));
  }
  return false;
}

// Migrates a 20,000-row table under full-speed writes with the cut-over
// postponed; once the copy is done, a trigger on the shadow spoils the column
// `c` of the rows the applier inserts (all of them, or only the first write
// of each key, which copying again mends), remembering in a table of another
// database which ones, for three seconds; then it is dropped and the cut-over
// released.
struct SpoiledMigration {
  SpoiledMigration(const std::string& label, bool every_write)
      : database(test_server(), label), tally_database(test_server(), label + "_tally") {
    const std::string db = database.name();
    const std::string tally = qualified_name(tally_database.name(), "tally");
    auto c = connect();
    execute_sql(*c, "CREATE TABLE " + tally + " (id BIGINT PRIMARY KEY)");
    MigrationUnderWrites migration(spec, db, kTable);
    migration.prepare(20000);
    FlagFile hold(label);
    MigrationScenario scenario = full_speed();
    scenario.while_tool_runs = [&] {
      auto side = connect();
      if (!wait_until_copied(*side, db)) return;
      const std::string when =
          every_write ? "TRUE" : "NOT EXISTS (SELECT 1 FROM " + tally + " WHERE id = NEW.id)";
      execute_sql(*side, "CREATE TRIGGER " + qualified_name(db, "spoil") + " BEFORE INSERT ON " +
                             qualified_name(db, "items_oa_new") + " FOR EACH ROW BEGIN IF " + when +
                             " THEN INSERT IGNORE INTO " + tally +
                             " (id) VALUES (NEW.id); SET NEW.c = 'spoiled'; END IF; END");
      std::this_thread::sleep_for(seconds(3));
      try {
        execute_sql(*side, "DROP TRIGGER " + qualified_name(db, "spoil"));
      } catch (const sql::SQLException&) {
        // gone with the shadow, when the run stopped
      }
      spoiled = query_value(*side, "SELECT COUNT(*) FROM " + tally).value_or("0") != "0";
      hold.remove();
    };
    outcome = migration.run(
        tool_args(db, kTable, kAlter, {"--execute", "--postpone-cutover-file", hold.path()}),
        scenario);
  }

  ScratchDatabase database;
  ScratchDatabase tally_database;
  const TableSpec spec = integer_key_shape();
  MigrationOutcome outcome;
  bool spoiled = false;
};

// What either run must leave: the table equal to the Writer's record, and
// nothing of the tool's.
void expect_table_as_written(const SpoiledMigration& m) {
  auto c = connect();
  const std::string db = m.database.name();
  expect_matches_record(m.spec, db, kTable, m.outcome.record);
  CHECK(query_value(*c, "SELECT COUNT(*) FROM " + qualified_name(db, kTable) +
                            " WHERE c = 'spoiled'") == Value("0"));
  CHECK(list_tables(*c, db) == std::vector<std::string>{kTable});
  CHECK(list_triggers(*c, db).empty());
}

}  // namespace

TEST_CASE("rows the applier spoils after the verification pass are found and copied again") {
  const SpoiledMigration m("oa_it_applied_rows", false);
  const ToolResult& tool = m.outcome.tool;
  REQUIRE_MESSAGE(m.spoiled, "the applier wrote no row while the trigger was there\n"
                                 << tool.describe());
  CHECK_MESSAGE(tool.exit_code == 0, tool.describe());
  CHECK_MESSAGE(tool.err.find("rows the tool wrote after comparing them") != std::string::npos,
                tool.describe());
  const std::string done = tool.last_out_line();
  CHECK_MESSAGE(done.find(" 0 mismatches, 0 repaired") != std::string::npos, done);
  CHECK_MESSAGE(done.find(", 0 copied again)") == std::string::npos, done);
  CHECK_MESSAGE(done.find(" 0 left uncompared") != std::string::npos, done);
  expect_table_as_written(m);
  expect_writer_succeeded(m.outcome.writer);
}

TEST_CASE("rows the applier spoils every time it writes them stop the run before the swap") {
  const SpoiledMigration m("oa_it_applied_rows_stop", true);
  REQUIRE_MESSAGE(m.spoiled, m.outcome.tool.describe());
  expect_error(m.outcome.tool, kVerificationFailed, {"still differs"});
  // Nothing was swapped: the table is the original, with the Writer's rows.
  auto c = connect();
  CHECK_FALSE(column_type(*c, m.database.name(), kTable, "extra").has_value());
  expect_table_as_written(m);
}

}  // namespace oa::test
