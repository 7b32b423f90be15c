// The process dies at each step of the swap (a crash point of the tool: see
// src/crash_point.h) while a Writer goes on writing, then --resume or cleanup
// runs under the same Writer. The table's own triggers must be back on T,
// defined and ordered as before, and the table must equal the Writer's
// record. Their triggers keep, in another database, a mirror with one row per
// id of the table: it tells whether the writes after the crash fired them.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <csignal>
#include <thread>

#include "expectations.h"
#include "shared_table.h"
#include "suite.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/text_query.h"
#include "support/tool_process.h"
#include "support/writer.h"

namespace oa::test {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

const char kTable[] = "orders";
constexpr std::uint64_t kRows = 4000;
constexpr auto kWhileDead = milliseconds(500);
constexpr auto kWritingAfter = milliseconds(500);

// Everything information_schema says of the table's own triggers on
// `table` (not the tool's, named orders_oa_*) but when they were created, in
// the order they fire. Not their ACTION_ORDER: a revertible swap's triggers
// come first after it.
std::vector<Row> own_triggers_on(sql::Connection& c, const std::string& database,
                                 const std::string& table) {
  return query_rows(c,
                    "SELECT TRIGGER_NAME, EVENT_MANIPULATION, ACTION_TIMING, "
                    "ACTION_STATEMENT, DEFINER, SQL_MODE FROM information_schema.TRIGGERS WHERE "
                    "TRIGGER_SCHEMA = " +
                        text_literal(database) +
                        " AND EVENT_OBJECT_TABLE = " + text_literal(table) +
                        " AND TRIGGER_NAME NOT LIKE 'orders\\_oa\\_%'"
                        " ORDER BY EVENT_MANIPULATION, ACTION_TIMING, ACTION_ORDER");
}

// The mirror and the table's own triggers that keep it: AFTER triggers, which
// fire after the tool's capture triggers.
void create_mirror(sql::Connection& c, const std::string& db, const std::string& mirror) {
  const std::string orders = qualified_name(db, kTable);
  execute_sql(c, "CREATE TABLE " + mirror +
                     " (n BIGINT AUTO_INCREMENT PRIMARY KEY, id BIGINT NOT NULL, KEY (id))");
  execute_sql(c, "INSERT INTO " + mirror + " (id) SELECT id FROM " + orders);
  const std::string on = " ON " + orders + " FOR EACH ROW ";
  execute_sql(c, "CREATE TRIGGER " + qualified_name(db, "mirror_insert") + " AFTER INSERT" + on +
                     "INSERT INTO " + mirror + " (id) VALUES (NEW.id)");
  execute_sql(c, "CREATE TRIGGER " + qualified_name(db, "mirror_update") + " AFTER UPDATE" + on +
                     "UPDATE " + mirror + " SET id = NEW.id WHERE id = OLD.id LIMIT 1");
  execute_sql(c, "CREATE TRIGGER " + qualified_name(db, "mirror_delete") + " AFTER DELETE" + on +
                     "DELETE FROM " + mirror + " WHERE id = OLD.id LIMIT 1");
}

// Rows of the mirror that are not one-to-one with the table's rows.
std::uint64_t mirror_misses(sql::Connection& c, const std::string& db, const std::string& mirror,
                            std::size_t rows) {
  const std::string orders = qualified_name(db, kTable);
  const auto in_mirror = std::stoull(query_value(c, "SELECT COUNT(*) FROM " + mirror).value());
  const auto matched =
      std::stoull(query_value(c, "SELECT COUNT(DISTINCT m.id) FROM " + mirror + " AS m JOIN " +
                                     orders + " AS o ON o.id = m.id")
                      .value());
  return (in_mirror > matched ? in_mirror - matched : 0) + (rows - matched);
}

// `revert`, `finalize` or `cleanup` on `table`.
std::vector<std::string> table_command(const char* command, const std::string& db) {
  std::vector<std::string> args = {command};
  for (const auto& a : test_server().tool_connection_args()) args.push_back(a);
  args.insert(args.end(), {"--database", db, "--table", kTable});
  return args;
}

enum class Then { kResume, kCleanup };

struct CrashCase {
  const char* crash_point;
  Then then;
  // Whether T was without its triggers after the crash: the writes made
  // before --resume or cleanup put them back did not fire them.
  bool triggers_off_while_dead;
  std::vector<std::string> extra = {};
};

void expect_crash_recovers(const CrashCase& c) {
  ScratchDatabase database(test_server(), "oa_it_swap_crash");
  ScratchDatabase mirror_database(test_server(), "oa_it_swap_crash_mirror");
  const std::string db = database.name();
  const std::string mirror = qualified_name(mirror_database.name(), "mirror");
  SharedTable table(db, kTable, kRows, 0);
  auto connection = connect();
  create_mirror(*connection, db, mirror);
  const std::vector<Row> before = own_triggers_on(*connection, db, kTable);
  REQUIRE(before.size() == 3);

  Writer writer(test_server(), table.spec(), db, kTable, table.writer_rows(),
                table.writer_options(4));
  REQUIRE(writer.wait_for_commits(50, seconds(30)));
  std::vector<std::string> args = tool_args(db, kTable, "ADD COLUMN added INT NOT NULL DEFAULT 42",
                                            {"--execute", "--chunk-size", "500"});
  args.insert(args.end(), c.extra.begin(), c.extra.end());
  {
    ToolProcess tool(online_alter().binary(), args, seconds(300),
                     {std::string("ONLINE_ALTER_CRASH_AT=") + c.crash_point});
    const ToolResult crashed = tool.wait();
    REQUIRE_MESSAGE(crashed.exit_code == 128 + SIGKILL, crashed.describe());
  }
  // Where the crash left the triggers: proves it struck where it says.
  const std::size_t on_table = own_triggers_on(*connection, db, kTable).size();
  const std::size_t on_shadow = own_triggers_on(*connection, db, "orders_oa_new").size();
  if (std::string(c.crash_point) == "swap-locked") CHECK(on_table == 3);
  if (std::string(c.crash_point) == "own-triggers-dropped") CHECK(on_table + on_shadow == 0);
  if (std::string(c.crash_point) == "own-triggers-moved") CHECK(on_shadow >= 3);
  std::this_thread::sleep_for(kWhileDead);

  ToolResult finish;
  if (c.then == Then::kResume) {
    args.push_back("--resume");
    finish = online_alter().run(args);
  } else {
    finish = online_alter().run(table_command("cleanup", db));
  }
  CHECK_MESSAGE(finish.exit_code == 0, finish.describe());
  // The tool's own capture triggers are never taken for the table's.
  CHECK_MESSAGE(finish.err.find("`orders_oa_r") == std::string::npos, finish.describe());
  std::this_thread::sleep_for(kWritingAfter);
  writer.stop();

  CHECK(own_triggers_on(*connection, db, kTable) == before);
  if (c.extra.empty()) {
    CHECK(list_tables(*connection, db) == std::vector<std::string>{kTable});
  }
  expect_matches_record(table.spec(), db, kTable, writer.record());
  CHECK_MESSAGE(writer.stats().errors_except({1213, 1205}) == 0, writer.stats().summary());
  const std::uint64_t misses = mirror_misses(*connection, db, mirror, writer.record().size());
  if (c.triggers_off_while_dead) {
    MESSAGE("mirror rows out of step after the writes made while T had no triggers: " << misses);
  } else {
    CHECK(misses == 0);
  }
}

}  // namespace

TEST_CASE("a crash under the swap's lock, before the triggers move, then --resume or cleanup") {
  SUBCASE("--resume") { expect_crash_recovers({"swap-locked", Then::kResume, false}); }
  SUBCASE("cleanup") { expect_crash_recovers({"swap-locked", Then::kCleanup, false}); }
}

TEST_CASE("a crash between dropping the table's own triggers and creating them on the shadow") {
  SUBCASE("--resume") { expect_crash_recovers({"own-triggers-dropped", Then::kResume, true}); }
  SUBCASE("cleanup") { expect_crash_recovers({"own-triggers-dropped", Then::kCleanup, true}); }
}

TEST_CASE("a crash after the table's own triggers moved to the shadow, before the RENAME") {
  SUBCASE("--resume") { expect_crash_recovers({"own-triggers-moved", Then::kResume, true}); }
  SUBCASE("cleanup") { expect_crash_recovers({"own-triggers-moved", Then::kCleanup, true}); }
  SUBCASE("--revertible, then --resume") {
    expect_crash_recovers({"own-triggers-moved", Then::kResume, true, {"--revertible"}});
  }
}

// A revert moves the own triggers of the table it swaps back the same way.
TEST_CASE("a crash in a revert between dropping the table's own triggers and creating them") {
  ScratchDatabase database(test_server(), "oa_it_revert_crash");
  ScratchDatabase mirror_database(test_server(), "oa_it_revert_crash_mirror");
  const std::string db = database.name();
  SharedTable table(db, kTable, kRows, 0);
  auto connection = connect();
  create_mirror(*connection, db, qualified_name(mirror_database.name(), "mirror"));
  const std::vector<Row> before = own_triggers_on(*connection, db, kTable);
  Writer writer(test_server(), table.spec(), db, kTable, table.writer_rows(),
                table.writer_options(4));
  REQUIRE(writer.wait_for_commits(50, seconds(30)));
  const ToolResult migrated =
      online_alter().run(tool_args(db, kTable, "ADD COLUMN added INT NOT NULL DEFAULT 42",
                                   {"--execute", "--chunk-size", "500", "--revertible"}));
  REQUIRE_MESSAGE(migrated.exit_code == 0, migrated.describe());
  {
    ToolProcess revert(online_alter().binary(), table_command("revert", db), seconds(300),
                       {"ONLINE_ALTER_CRASH_AT=own-triggers-dropped"});
    const ToolResult crashed = revert.wait();
    REQUIRE_MESSAGE(crashed.exit_code == 128 + SIGKILL, crashed.describe());
  }
  CHECK(own_triggers_on(*connection, db, kTable).empty());
  std::this_thread::sleep_for(kWhileDead);
  const ToolResult again = online_alter().run(table_command("revert", db));
  CHECK_MESSAGE(again.exit_code == 0, again.describe());
  CHECK_MESSAGE(contains_ignoring_case(again.err, "created the triggers"), again.describe());
  std::this_thread::sleep_for(kWritingAfter);
  writer.stop();
  CHECK(own_triggers_on(*connection, db, kTable) == before);
  CHECK_FALSE(column_type(*connection, db, kTable, "added").has_value());
  expect_matches_record(table.spec(), db, kTable, writer.record());
  CHECK_MESSAGE(writer.stats().errors_except({1213, 1205}) == 0, writer.stats().summary());
  const ToolResult finalized = online_alter().run(table_command("finalize", db));
  CHECK_MESSAGE(finalized.exit_code == 0, finalized.describe());
  CHECK(own_triggers_on(*connection, db, kTable) == before);
}

}  // namespace oa::test
