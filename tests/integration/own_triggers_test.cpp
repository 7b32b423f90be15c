// A table with triggers of its own: they keep firing exactly once per write
// during the whole run, and the new table has them after the swap, with the
// same definer, sql_mode and order.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <csignal>

#include "expectations.h"
#include "suite.h"
#include "support/flag_file.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/text_query.h"
#include "support/tool_process.h"

namespace oa::test {
namespace {

// Everything information_schema says of the table's triggers but the table
// they sit on and when they were created.
std::vector<Row> trigger_definitions(sql::Connection& c, const std::string& database,
                                     const std::string& table) {
  return query_rows(c,
                    "SELECT TRIGGER_NAME, EVENT_MANIPULATION, ACTION_TIMING, ACTION_ORDER, "
                    "ACTION_STATEMENT, DEFINER, SQL_MODE FROM information_schema.TRIGGERS WHERE "
                    "TRIGGER_SCHEMA = " +
                        text_literal(database) + " AND EVENT_OBJECT_TABLE = " +
                        text_literal(table) + " ORDER BY TRIGGER_NAME");
}

std::string count(sql::Connection& c, const std::string& table, const std::string& where) {
  return query_value(c, "SELECT COUNT(*) FROM " + table + " WHERE " + where).value_or("?");
}

// Writes to `orders`: `inserts` rows from id `first`, then updates and
// deletes of the first ones of them.
void write(sql::Connection& c, const std::string& orders, int first, int inserts, int updates,
           int deletes) {
  for (int i = 0; i < inserts; ++i) {
    execute_sql(c, "INSERT INTO " + orders + " (id, k) VALUES (" + std::to_string(first + i) +
                       ", " + std::to_string(i) + ")");
  }
  for (int i = 0; i < updates; ++i) {
    execute_sql(c, "UPDATE " + orders + " SET k = k + 1 WHERE id = " + std::to_string(first + i));
  }
  for (int i = 0; i < deletes; ++i) {
    execute_sql(c, "DELETE FROM " + orders + " WHERE id = " + std::to_string(first + i));
  }
}

}  // namespace

TEST_CASE("the table's own triggers fire once per write throughout, and move to the new table") {
  ScratchDatabase database(test_server(), "oa_it_own_triggers");
  auto c = connect();
  const std::string db = database.name();
  const std::string orders = qualified_name(db, "orders");
  const std::string audit = qualified_name(db, "audit");
  execute_sql(*c, "CREATE TABLE " + orders +
                      " (id INT PRIMARY KEY, k INT NOT NULL, stamped INT NULL, KEY (k))");
  execute_sql(
      *c, "CREATE TABLE " + audit + " (n INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(8), id INT)");
  // One created under a sql_mode of its own; two AFTER UPDATE in a set order.
  execute_sql(*c, "SET SESSION sql_mode = 'ANSI_QUOTES,NO_ENGINE_SUBSTITUTION'");
  execute_sql(*c, "CREATE TRIGGER " + qualified_name(db, "stamp") + " BEFORE INSERT ON " + orders +
                      " FOR EACH ROW SET NEW.stamped = NEW.k * 2");
  execute_sql(*c, "SET SESSION sql_mode = DEFAULT");
  for (const char* event : {"INSERT", "UPDATE", "DELETE"}) {
    const std::string row = std::string(event) == "DELETE" ? "OLD" : "NEW";
    execute_sql(*c, "CREATE TRIGGER " + qualified_name(db, std::string("audit_") + event) +
                        " AFTER " + event + " ON " + orders + " FOR EACH ROW INSERT INTO " + audit +
                        " (what, id) VALUES ('" + event + "', " + row + ".id)");
  }
  execute_sql(*c, "CREATE TRIGGER " + qualified_name(db, "audit_UPDATE_2") + " AFTER UPDATE ON " +
                      orders + " FOR EACH ROW PRECEDES `audit_UPDATE` " + "INSERT INTO " + audit +
                      " (what, id) VALUES ('UPDATE2', NEW.id)");
  write(*c, orders, 1, 3000, 0, 0);
  execute_sql(*c, "DELETE FROM " + audit);
  const std::vector<Row> before = trigger_definitions(*c, db, "orders");
  REQUIRE(before.size() == 5);

  FlagFile hold("oa_it_own_triggers");
  ToolProcess tool(online_alter().binary(),
                   tool_args(db, "orders", "ADD COLUMN note VARCHAR(10) NOT NULL DEFAULT 'n'",
                             {"--execute", "--chunk-size", "500", "--no-drop-old-table",
                              "--postpone-cutover-file", hold.path()}));
  REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", std::chrono::seconds(120)),
                  tool.err_so_far());
  write(*c, orders, 10001, 50, 30, 20);  // while the tool runs
  hold.remove();
  const ToolResult result = tool.wait();
  REQUIRE_MESSAGE(result.exit_code == 0, result.describe());
  write(*c, orders, 20001, 10, 10, 5);  // on the new table

  // Once per write, before and after the swap: no write fired a trigger
  // twice (copy, applier) or missed one.
  CHECK(count(*c, audit, "what = 'INSERT'") == "60");
  CHECK(count(*c, audit, "what = 'UPDATE'") == "40");
  CHECK(count(*c, audit, "what = 'UPDATE2'") == "40");
  CHECK(count(*c, audit, "what = 'DELETE'") == "25");
  // PRECEDES kept: each update's UPDATE2 entry came first.
  CHECK(query_value(*c, "SELECT COUNT(*) FROM " + audit + " AS a JOIN " + audit +
                            " AS b ON a.id = b.id AND a.what = 'UPDATE2' AND b.what = 'UPDATE' "
                            "AND a.n > b.n") == Value("0"));
  // The BEFORE trigger works on the new table, and copied rows kept its values.
  CHECK(count(*c, orders, "stamped IS NULL") == "0");
  // Inserted on the new table, then updated once (k + 1), not deleted.
  CHECK(count(*c, orders, "id BETWEEN 20001 AND 20010 AND stamped = (k - 1) * 2") == "5");
  CHECK(trigger_definitions(*c, db, "orders") == before);
  CHECK(trigger_definitions(*c, db, "_orders_old").empty());
  CHECK(list_tables(*c, db) == std::vector<std::string>{"_orders_old", "audit", "orders"});
}

TEST_CASE(
    "triggers a stopped swap left on the shadow go back to the table, for cleanup and "
    "--resume") {
  ScratchDatabase database(test_server(), "oa_it_triggers_left");
  auto c = connect();
  const std::string db = database.name();
  const std::string orders = qualified_name(db, "orders");
  execute_sql(*c, "CREATE TABLE " + orders + " (id INT PRIMARY KEY, k INT NOT NULL, stamped INT)");
  auto stamp_on = [&](const std::string& table) {
    execute_sql(*c, "CREATE TRIGGER " + qualified_name(db, "stamp") + " BEFORE INSERT ON " +
                        qualified_name(db, table) + " FOR EACH ROW SET NEW.stamped = NEW.k");
  };
  stamp_on("orders");
  write(*c, orders, 1, 500, 0, 0);
  const std::vector<std::string> args =
      tool_args(db, "orders", "ADD COLUMN note INT", {"--execute", "--chunk-size", "100"});

  for (const char* finish : {"cleanup", "--resume"}) {
    CAPTURE(finish);
    {
      FlagFile hold("oa_it_triggers_left");
      std::vector<std::string> held = args;
      held.insert(held.end(), {"--postpone-cutover-file", hold.path()});
      ToolProcess tool(online_alter().binary(), held);
      REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", std::chrono::seconds(120)),
                      tool.err_so_far());
      tool.send_signal(SIGKILL);
      tool.wait();
    }
    // As a run killed between moving the triggers and its RENAME leaves them.
    execute_sql(*c, "DROP TRIGGER " + qualified_name(db, "stamp"));
    stamp_on("orders_oa_new");
    ToolResult result;
    if (std::string(finish) == "cleanup") {
      std::vector<std::string> cleanup = {"cleanup"};
      for (const auto& a : test_server().tool_connection_args()) cleanup.push_back(a);
      cleanup.insert(cleanup.end(), {"--database", db, "--table", "orders"});
      result = online_alter().run(cleanup);
      CHECK_MESSAGE(result.out.find("moved trigger") != std::string::npos, result.describe());
    } else {
      std::vector<std::string> resume = args;
      resume.push_back("--resume");
      result = online_alter().run(resume);
    }
    CHECK_MESSAGE(result.exit_code == 0, result.describe());
    CHECK(list_tables(*c, db) == std::vector<std::string>{"orders"});
    CHECK(trigger_definitions(*c, db, "orders").size() == 1);
    execute_sql(*c, "INSERT INTO " + orders + " (id, k) VALUES (" +
                        std::string(finish == std::string("cleanup") ? "9001" : "9002") + ", 7)");
  }
  CHECK(count(*c, orders, "stamped IS NULL") == "0");
  CHECK(count(*c, orders, "1 = 1") == "502");
}

}  // namespace oa::test
