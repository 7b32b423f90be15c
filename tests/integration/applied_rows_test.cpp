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

struct SpoilCase {
  bool every_write;  // false: only the first write of each key, which copying again mends
};

// Migrates under full-speed writes with the cut-over postponed; once the copy
// is done, a trigger on the shadow spoils the column `c` of the rows the
// applier inserts (remembering in `tally`, another database, which it
// spoiled), for three seconds, then is dropped and the cut-over released.
MigrationOutcome migrate_while_spoiling(const SpoilCase& spoil, const std::string& db,
                                        const std::string& tally, MigrationUnderWrites& migration,
                                        bool& spoiled) {
  FlagFile hold("oa_it_applied_rows");
  MigrationScenario scenario = full_speed();
  scenario.while_tool_runs = [&] {
    auto side = connect();
    if (!wait_until_copied(*side, db)) return;
    const std::string when =
        spoil.every_write ? "TRUE" : "NOT EXISTS (SELECT 1 FROM " + tally + " WHERE id = NEW.id)";
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
    spoiled = std::stoull(query_value(*side, "SELECT COUNT(*) FROM " + tally).value_or("0")) > 0;
    hold.remove();
  };
  return migration.run(
      tool_args(db, kTable, kAlter, {"--execute", "--postpone-cutover-file", hold.path()}),
      scenario);
}

}  // namespace

TEST_CASE("rows the applier spoils after the verification pass are found and copied again") {
  ScratchDatabase database(test_server(), "oa_it_applied_rows");
  ScratchDatabase tally_database(test_server(), "oa_it_applied_tally");
  const std::string tally = qualified_name(tally_database.name(), "tally");
  auto c = connect();
  execute_sql(*c, "CREATE TABLE " + tally + " (id BIGINT PRIMARY KEY)");
  const TableSpec spec = integer_key_shape();
  MigrationUnderWrites migration(spec, database.name(), kTable);
  migration.prepare(20000);
  bool spoiled = false;
  const MigrationOutcome outcome =
      migrate_while_spoiling({false}, database.name(), tally, migration, spoiled);

  REQUIRE_MESSAGE(spoiled, "the applier wrote no row while the trigger was there\n"
                               << outcome.tool.describe());
  CHECK_MESSAGE(outcome.tool.exit_code == 0, outcome.tool.describe());
  CHECK_MESSAGE(
      outcome.tool.err.find("rows the tool wrote after comparing them") != std::string::npos,
      outcome.tool.describe());
  const std::string done = outcome.tool.last_out_line();
  CHECK_MESSAGE(done.find(" 0 mismatches, 0 repaired") != std::string::npos, done);
  CHECK_MESSAGE(done.find(", 0 copied again)") == std::string::npos, done);
  CHECK_MESSAGE(done.find(" 0 left uncompared") != std::string::npos, done);
  expect_matches_record(spec, database.name(), kTable, outcome.record);
  CHECK(query_value(*c, "SELECT COUNT(*) FROM " + qualified_name(database.name(), kTable) +
                            " WHERE c = 'spoiled'") == Value("0"));
  CHECK(list_tables(*c, database.name()) == std::vector<std::string>{kTable});
  CHECK(list_triggers(*c, database.name()).empty());
  expect_writer_succeeded(outcome.writer);
}

TEST_CASE("rows the applier spoils every time it writes them stop the run before the swap") {
  ScratchDatabase database(test_server(), "oa_it_applied_rows_stop");
  ScratchDatabase tally_database(test_server(), "oa_it_applied_tally_stop");
  const std::string tally = qualified_name(tally_database.name(), "tally");
  auto c = connect();
  execute_sql(*c, "CREATE TABLE " + tally + " (id BIGINT PRIMARY KEY)");
  const TableSpec spec = integer_key_shape();
  MigrationUnderWrites migration(spec, database.name(), kTable);
  migration.prepare(20000);
  bool spoiled = false;
  const MigrationOutcome outcome =
      migrate_while_spoiling({true}, database.name(), tally, migration, spoiled);

  REQUIRE_MESSAGE(spoiled, outcome.tool.describe());
  expect_error(outcome.tool, kVerificationFailed, {"still differs"});
  // Nothing was swapped: the table is the original, with the Writer's rows.
  CHECK_FALSE(column_type(*c, database.name(), kTable, "extra").has_value());
  expect_matches_record(spec, database.name(), kTable, outcome.record);
  CHECK(list_tables(*c, database.name()) == std::vector<std::string>{kTable});
  CHECK(list_triggers(*c, database.name()).empty());
}

}  // namespace oa::test
