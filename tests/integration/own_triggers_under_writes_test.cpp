// A table with triggers of its own, migrated while a Writer writes through
// prepared statements: every committed write fires each of them exactly once,
// before, during and after the run, and the table matches the Writer's record.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <utility>

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

// Everything information_schema says of the table's triggers but when they
// were created.
std::vector<Row> trigger_definitions(sql::Connection& c, const std::string& database) {
  return query_rows(c,
                    "SELECT TRIGGER_NAME, EVENT_MANIPULATION, ACTION_TIMING, ACTION_ORDER, "
                    "ACTION_STATEMENT, DEFINER, SQL_MODE FROM information_schema.TRIGGERS WHERE "
                    "TRIGGER_SCHEMA = " +
                        text_literal(database) + " ORDER BY TRIGGER_NAME");
}

// Migrates `orders` under writes. Its BEFORE triggers keep `stamped` at k * 2;
// its triggers of `mirror_timing` (BEFORE or AFTER) keep, in another
// database, a mirror with one row per id of the table; LIMIT 1 keeps a row
// written twice from being hidden by a later delete.
void expect_triggers_fire_once(const std::string& mirror_timing) {
  ScratchDatabase database(test_server(), "oa_it_triggers_writes");
  // Elsewhere, so that the migrated table is the only one in its database.
  ScratchDatabase mirror_database(test_server(), "oa_it_triggers_mirror");
  const std::string db = database.name();
  const std::string orders = qualified_name(db, "orders");
  const std::string mirror = qualified_name(mirror_database.name(), "mirror");
  // integer_key_shape() with a column only the triggers write.
  TableSpec spec = integer_key_shape();
  spec.create_template =
      "CREATE TABLE {table} (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, k INT NOT NULL, "
      "c VARCHAR(100) NOT NULL, pad CHAR(30) NULL, stamped BIGINT NULL, KEY k (k)) ENGINE=InnoDB";
  MigrationUnderWrites migration(spec, db, "orders");
  migration.prepare(8000);

  auto c = connect();
  execute_sql(*c, "CREATE TABLE " + mirror +
                      " (n BIGINT AUTO_INCREMENT PRIMARY KEY, id BIGINT NOT NULL, KEY (id))");
  execute_sql(*c, "INSERT INTO " + mirror + " (id) SELECT id FROM " + orders);
  execute_sql(*c, "UPDATE " + orders + " SET stamped = k * 2");
  const std::string on = " ON " + orders + " FOR EACH ROW ";
  const std::vector<std::pair<std::string, std::string>> triggers = {
      {"stamp_insert", "BEFORE INSERT" + on + "SET NEW.stamped = NEW.k * 2"},
      {"stamp_update", "BEFORE UPDATE" + on + "SET NEW.stamped = NEW.k * 2"},
      {"mirror_insert",
       mirror_timing + " INSERT" + on + "INSERT INTO " + mirror + " (id) VALUES (NEW.id)"},
      {"mirror_update", mirror_timing + " UPDATE" + on + "UPDATE " + mirror +
                            " SET id = NEW.id WHERE id = OLD.id LIMIT 1"},
      {"mirror_delete",
       mirror_timing + " DELETE" + on + "DELETE FROM " + mirror + " WHERE id = OLD.id LIMIT 1"},
  };
  for (const auto& [name, definition] : triggers) {
    execute_sql(*c, "CREATE TRIGGER " + qualified_name(db, name) + " " + definition);
  }
  const std::vector<Row> before = trigger_definitions(*c, db);

  const MigrationOutcome outcome = migration.run(
      tool_args(db, "orders", "ADD COLUMN note VARCHAR(10) NOT NULL DEFAULT 'n'", kSlowCopy),
      full_speed());
  expect_migrated(spec, db, "orders", outcome,
                  {"orders.mirror_delete", "orders.mirror_insert", "orders.mirror_update",
                   "orders.stamp_insert", "orders.stamp_update"});
  CHECK(trigger_definitions(*c, db) == before);
  CHECK(query_value(*c, "SELECT COUNT(*) FROM " + orders +
                            " WHERE stamped IS NULL OR stamped <> k * 2") == Value("0"));
  // As many mirror rows as the record has rows, and as many distinct ids of
  // the table among them: the mirror holds each id exactly once.
  const Value rows = std::to_string(outcome.record.size());
  CHECK(query_value(*c, "SELECT COUNT(*) FROM " + mirror) == rows);
  CHECK(query_value(*c, "SELECT COUNT(DISTINCT m.id) FROM " + mirror + " AS m JOIN " + orders +
                            " AS o ON o.id = m.id") == rows);
}

}  // namespace

TEST_CASE("under writes, the table's own BEFORE triggers fire once per write throughout") {
  expect_triggers_fire_once("BEFORE");
}

// The Writer's statements are prepared before the capture triggers exist.
// MariaDB does not re-prepare such a statement when a trigger is added after
// an existing AFTER trigger of the same event (its capture trigger would find
// no change log, error 1146); the capture triggers are therefore created to
// fire before the table's own AFTER triggers.
TEST_CASE("under writes, the table's own AFTER triggers fire once per write throughout") {
  expect_triggers_fire_once("AFTER");
}

}  // namespace oa::test
