// What other sessions do to the table's definition while a run copies it: an
// ALTER or a trigger created or dropped stops the run before the swap (which
// would throw the change away), with a message naming it and nothing lost;
// the AUTO_INCREMENT counter the application moved on is never handed out
// again after the swap.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <thread>

#include "expectations.h"
#include "shared_table.h"
#include "suite.h"
#include "support/flag_file.h"
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

constexpr int kMigrationFailed = 5;
const char kTable[] = "orders";
const char kAlter[] = "ADD COLUMN added INT NOT NULL DEFAULT 42";
constexpr auto kToolStartup = seconds(120);

std::vector<std::string> trigger_names(sql::Connection& c, const std::string& db) {
  std::vector<std::string> names;
  for (const auto& row : query_rows(c,
                                    "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE "
                                    "TRIGGER_SCHEMA = " +
                                        text_literal(db) + " ORDER BY TRIGGER_NAME")) {
    names.push_back(row.at(0).value_or(""));
  }
  return names;
}

std::uint64_t auto_increment_of(sql::Connection& c, const std::string& db,
                                const std::string& table) {
  return std::stoull(query_value(c,
                                 "SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE "
                                 "TABLE_SCHEMA = " +
                                     text_literal(db) + " AND TABLE_NAME = " + text_literal(table))
                         .value());
}

// The run stopped with status 5 naming `words`, removed all it created, and
// left the table's rows as the Writer committed them (and the rows it does
// not write as they were).
void expect_stopped_cleanly(const ToolResult& result, const std::vector<std::string>& words,
                            const SharedTable& table, Writer& writer) {
  expect_error(result, kMigrationFailed, {"changed by another session"});
  for (const auto& w : words) CHECK_MESSAGE(result.err.find(w) != std::string::npos, w);
  writer.stop();
  auto c = connect();
  CHECK(list_tables(*c, table.database()) == std::vector<std::string>{kTable});
  CHECK_FALSE(column_type(*c, table.database(), kTable, "added").has_value());
  expect_matches_record(table.spec(), table.database(), kTable,
                        table.expected(writer.record(), {}));
  CHECK_MESSAGE(writer.stats().errors_except({1213, 1205}) == 0, writer.stats().summary());
}

}  // namespace

TEST_CASE("an ALTER another session runs on the table during the copy stops the run") {
  ScratchDatabase database(test_server(), "oa_it_others_alter");
  // The Writer leaves the first 1000 rows alone: their new column's values
  // are counted at the end.
  SharedTable table(database.name(), kTable, 8000, 1000);
  const std::string orders = qualified_name(database.name(), kTable);
  Writer writer(test_server(), table.spec(), database.name(), kTable, table.writer_rows(),
                table.writer_options(2));
  REQUIRE(writer.wait_for_commits(50, seconds(30)));
  ToolProcess tool(online_alter().binary(),
                   tool_args(database.name(), kTable, kAlter,
                             {"--execute", "--chunk-size", "200", "--sleep", "0.05"}));
  REQUIRE_MESSAGE(tool.wait_for_err("installed capture triggers", kToolStartup), tool.err_so_far());
  auto c = connect();
  execute_sql(*c, "ALTER TABLE " + orders + " ADD COLUMN extra2 INT NULL, ALGORITHM=INSTANT");
  execute_sql(*c, "UPDATE " + orders + " SET extra2 = 7 WHERE id <= 1000");
  const ToolResult result = tool.wait();
  expect_stopped_cleanly(result, {"extra2", "`orders`"}, table, writer);
  CHECK(trigger_names(*c, database.name()).empty());
  CHECK(query_value(*c, "SELECT COUNT(*) FROM " + orders + " WHERE extra2 = 7") == Value("1000"));
}

TEST_CASE("a trigger created and one dropped on the table while the cut-over waits stop the run") {
  ScratchDatabase database(test_server(), "oa_it_others_trigger");
  SharedTable table(database.name(), kTable, 4000, 0);
  const std::string db = database.name();
  const std::string orders = qualified_name(db, kTable);
  auto c = connect();
  const std::string on = " ON " + orders + " FOR EACH ROW ";
  execute_sql(*c, "CREATE TRIGGER " + qualified_name(db, "stamp") + " BEFORE UPDATE" + on +
                      "SET @stamped = NEW.id");
  Writer writer(test_server(), table.spec(), db, kTable, table.writer_rows(),
                table.writer_options(2));
  REQUIRE(writer.wait_for_commits(50, seconds(30)));
  FlagFile hold("oa_it_others_trigger");
  ToolProcess tool(
      online_alter().binary(),
      tool_args(db, kTable, kAlter, {"--execute", "--postpone-cutover-file", hold.path()}));
  REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", kToolStartup), tool.err_so_far());
  // After the check that follows the copy: the one under the swap's lock finds them.
  execute_sql(*c, "DROP TRIGGER " + qualified_name(db, "stamp"));
  execute_sql(*c, "CREATE TRIGGER " + qualified_name(db, "audit") + " AFTER INSERT" + on +
                      "SET @audited = NEW.id");
  hold.remove();
  const ToolResult result = tool.wait();
  expect_stopped_cleanly(result, {"trigger `audit` was created", "trigger `stamp` was dropped"},
                         table, writer);
  // The other session's triggers stay as it left them.
  CHECK(trigger_names(*c, db) == std::vector<std::string>{"audit"});
}

TEST_CASE("the AUTO_INCREMENT counter after the swap is at least the original's") {
  ScratchDatabase database(test_server(), "oa_it_counter");
  const std::string db = database.name();
  const std::string orders = qualified_name(db, kTable);
  auto c = connect();
  execute_sql(*c, "CREATE TABLE " + orders + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, v INT)");
  execute_sql(
      *c, "INSERT INTO " + orders + " (v) SELECT seq FROM " + qualified_name(db, "seq_1_to_2000"));
  FlagFile hold("oa_it_counter");
  ToolProcess tool(
      online_alter().binary(),
      tool_args(db, kTable, kAlter, {"--execute", "--postpone-cutover-file", hold.path()}));
  REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", kToolStartup), tool.err_so_far());
  // Rows inserted and deleted again leave no row behind to carry the counter.
  execute_sql(*c, "BEGIN");
  execute_sql(
      *c, "INSERT INTO " + orders + " (v) SELECT seq FROM " + qualified_name(db, "seq_1_to_1000"));
  execute_sql(*c, "DELETE FROM " + orders + " WHERE id > 2000");
  execute_sql(*c, "COMMIT");
  const std::uint64_t counter = auto_increment_of(*c, db, kTable);
  REQUIRE(counter > 2001);
  hold.remove();
  const ToolResult result = tool.wait();
  REQUIRE_MESSAGE(result.exit_code == 0, result.describe());
  CHECK(column_type(*c, db, kTable, "added").has_value());
  CHECK(auto_increment_of(*c, db, kTable) >= counter);
  execute_sql(*c, "INSERT INTO " + orders + " (v) VALUES (-1)");
  const std::uint64_t id =
      std::stoull(query_value(*c, "SELECT id FROM " + orders + " WHERE v = -1").value());
  CHECK(id >= counter);
}

}  // namespace oa::test
