// Foreign keys: the table's own constraints and other tables' constraints
// that reference it, moved to the new table at the swap; the cases that
// cannot be migrated safely are refused with nothing changed.
#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <string>
#include <thread>

#include "expectations.h"
#include "migration_under_writes.h"
#include "suite.h"
#include "support/flag_file.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/text_query.h"
#include "support/tool_process.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

constexpr int kRefused = 4;
constexpr std::uint64_t kRows = 6000;
constexpr int kGroups = 1000;  // integer_key_shape() writes k in 1..1000
constexpr int kErrRowIsReferenced = 1451;
const char kRebuild[] = "rebuild_constraints";

void run_sql(const std::string& statement) {
  auto connection = connect();
  execute_sql(*connection, statement);
}

// `database`.`groups` with ids 1..kGroups: the parent of k.
void create_groups(const std::string& database) {
  run_sql("CREATE TABLE " + qualified_name(database, "groups") +
          " (id INT NOT NULL PRIMARY KEY) ENGINE=InnoDB");
  run_sql("INSERT INTO " + qualified_name(database, "groups") + " SELECT seq FROM " +
          qualified_name(database, "seq_1_to_" + std::to_string(kGroups)));
}

// integer_key_shape() whose k references `database`.`groups` (RESTRICT).
TableSpec grouped_shape(const std::string& database) {
  TableSpec spec = integer_key_shape();
  const std::string end = ") ENGINE=InnoDB";
  spec.create_template.replace(spec.create_template.rfind(end), end.size(),
                               ", CONSTRAINT fk_group FOREIGN KEY (k) REFERENCES " +
                                   qualified_name(database, "groups") + " (id)" + end);
  return spec;
}

// `database`.`notes`, one row per row of `table` now, each referencing it by
// id; a change of the referenced row's id or its deletion cascades.
void create_notes(const std::string& database, const std::string& table) {
  run_sql("CREATE TABLE " + qualified_name(database, "notes") +
          " (id BIGINT NOT NULL PRIMARY KEY, order_id BIGINT NOT NULL, CONSTRAINT fk_note_order "
          "FOREIGN KEY (order_id) REFERENCES " +
          qualified_name(database, table) +
          " (id) ON DELETE CASCADE ON UPDATE CASCADE) ENGINE=InnoDB");
  run_sql("INSERT INTO " + qualified_name(database, "notes") + " SELECT id, id FROM " +
          qualified_name(database, table));
}

// The table a constraint references, per information_schema.
Value referenced_table(const std::string& database, const std::string& constraint) {
  auto connection = connect();
  return query_value(*connection,
                     "SELECT REFERENCED_TABLE_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS "
                     "WHERE CONSTRAINT_SCHEMA = " +
                         text_literal(database) +
                         " AND CONSTRAINT_NAME = " + text_literal(constraint));
}

// The CONSTRAINT lines of a SHOW CREATE TABLE text.
std::vector<std::string> constraint_lines_of(const std::string& definition) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < definition.size()) {
    std::size_t end = definition.find('\n', start);
    if (end == std::string::npos) end = definition.size();
    std::string line = definition.substr(start, end - start);
    if (!line.empty() && line.back() == ',') line.pop_back();
    if (line.find("CONSTRAINT") != std::string::npos) lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::vector<std::string> constraint_lines(const std::string& database, const std::string& table) {
  auto connection = connect();
  const auto rows = query_rows(*connection, "SHOW CREATE TABLE " + qualified_name(database, table));
  return constraint_lines_of(rows.at(0).at(1).value_or(""));
}

// The server error of `statement`, 0 when it succeeds.
int error_of(const std::string& statement) {
  try {
    run_sql(statement);
  } catch (const sql::SQLException& e) {
    return e.getErrorCode();
  }
  return 0;
}

void expect_refusal(const std::string& database, const std::string& table, const std::string& alter,
                    const std::vector<std::string>& extra, const std::vector<std::string>& words) {
  const DatabaseSnapshot before = snapshot_database(database);
  std::vector<std::string> args = {"--execute"};
  args.insert(args.end(), extra.begin(), extra.end());
  const ToolResult result = online_alter().run(tool_args(database, table, alter, args));
  expect_error(result, kRefused, words);
  expect_unchanged(database, before);
}

}  // namespace

TEST_CASE("the table's own foreign key moves to the new table under writes, name and all") {
  ScratchDatabase database(test_server(), "oa_it_fk_own");
  create_groups(database.name());
  const TableSpec spec = grouped_shape(database.name());
  MigrationUnderWrites migration(spec, database.name(), "orders");
  migration.prepare(kRows);
  const std::vector<std::string> before = constraint_lines(database.name(), "orders");
  REQUIRE(before.size() == 1);

  const MigrationOutcome outcome = migration.run(
      tool_args(database.name(), "orders", "ADD COLUMN note VARCHAR(20) NULL", kSlowCopy),
      full_speed());
  CHECK_MESSAGE(outcome.tool.exit_code == 0, outcome.tool.describe());
  CHECK(outcome.commits_during_tool > 0);
  expect_writer_succeeded(outcome.writer);
  expect_matches_record(spec, database.name(), "orders", outcome.record);

  // On the new table, under its own name, and enforced.
  CHECK(constraint_lines(database.name(), "orders") == before);
  const std::string groups = qualified_name(database.name(), "groups");
  CHECK(error_of("DELETE FROM " + groups + " WHERE id = (SELECT MIN(k) FROM " +
                 qualified_name(database.name(), "orders") + ")") == kErrRowIsReferenced);
  auto connection = connect();
  CHECK(list_tables(*connection, database.name()) == std::vector<std::string>{"groups", "orders"});
}

TEST_CASE("while the shadow lags, a parent row whose last child is gone can be deleted") {
  // Were the constraint on the shadow during the copy, the row the shadow
  // still holds would make the parent's DELETE fail.
  ScratchDatabase database(test_server(), "oa_it_fk_lag");
  create_groups(database.name());
  const TableSpec spec = grouped_shape(database.name());
  MigrationUnderWrites migration(spec, database.name(), "orders");
  migration.prepare(2000);
  const std::string orders = qualified_name(database.name(), "orders");
  const std::string groups = qualified_name(database.name(), "groups");
  FlagFile hold("oa_it_fk_lag");
  ToolProcess tool(online_alter().binary(),
                   tool_args(database.name(), "orders", "ADD COLUMN note VARCHAR(20) NULL",
                             {"--execute", "--postpone-cutover-file", hold.path()}));
  REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", std::chrono::seconds(120)),
                  tool.err_so_far());
  for (int round = 0; round < 20; ++round) {
    const std::string group = std::to_string(5000 + round);
    run_sql("INSERT INTO " + groups + " VALUES (" + group + ")");
    run_sql("INSERT INTO " + orders + " (id, k, c) VALUES (" + std::to_string(900000 + round) +
            ", " + group + ", 'x')");
    // Let the applier copy the row to the shadow now and then.
    if (round % 2 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(600));
    run_sql("DELETE FROM " + orders + " WHERE k = " + group);
    CHECK(error_of("DELETE FROM " + groups + " WHERE id = " + group) == 0);
  }
  hold.remove();
  const ToolResult result = tool.wait();
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  auto connection = connect();
  CHECK(query_value(*connection, "SELECT COUNT(*) FROM " + orders) == Value("2000"));
  CHECK(query_value(*connection, "SELECT COUNT(*) FROM " + groups) ==
        Value(std::to_string(kGroups)));
}

TEST_CASE("rebuild_constraints: a child's constraint follows the new table, cascades and all") {
  ScratchDatabase database(test_server(), "oa_it_fk_child");
  const TableSpec spec = integer_key_shape();
  MigrationUnderWrites migration(spec, database.name(), "orders");
  migration.prepare(kRows);
  create_notes(database.name(), "orders");
  // Refused without the option, with nothing changed.
  expect_refusal(database.name(), "orders", "ADD COLUMN note VARCHAR(20) NULL", {},
                 {"fk_note_order", "--alter-foreign-keys-method"});

  std::vector<std::string> args = kSlowCopy;
  args.insert(args.end(), {"--alter-foreign-keys-method", kRebuild});
  const MigrationOutcome outcome = migration.run(
      tool_args(database.name(), "orders", "ADD COLUMN note VARCHAR(20) NULL", args), full_speed());
  CHECK_MESSAGE(outcome.tool.exit_code == 0, outcome.tool.describe());
  CHECK(outcome.commits_during_tool > 0);
  expect_writer_succeeded(outcome.writer);
  expect_matches_record(spec, database.name(), "orders", outcome.record);

  // The constraint references the new table under the toggled name...
  CHECK(referenced_table(database.name(), "_fk_note_order") == Value("orders"));
  CHECK_FALSE(referenced_table(database.name(), "fk_note_order").has_value());
  // ...and the Writer's changes of ids and deletes cascaded through it, before
  // the swap and for a second after it: no note lost its order.
  auto connection = connect();
  const std::string notes = qualified_name(database.name(), "notes");
  const std::string orders = qualified_name(database.name(), "orders");
  CHECK(query_value(*connection, "SELECT COUNT(*) FROM " + notes +
                                     " WHERE order_id NOT IN (SELECT id FROM " + orders + ")") ==
        Value("0"));
  const Value some_order = query_value(*connection, "SELECT MIN(order_id) FROM " + notes);
  REQUIRE(some_order.has_value());
  execute_sql(*connection, "DELETE FROM " + orders + " WHERE id = " + *some_order);
  CHECK(query_value(*connection, "SELECT COUNT(*) FROM " + notes +
                                     " WHERE order_id = " + *some_order) == Value("0"));
  CHECK(list_tables(*connection, database.name()) == std::vector<std::string>{"notes", "orders"});
}

TEST_CASE("refusal: constraints that cannot move safely, with nothing changed") {
  ScratchDatabase database(test_server(), "oa_it_fk_refuse");
  const std::string db = database.name();
  create_groups(db);
  run_sql("CREATE TABLE " + qualified_name(db, "members") +
          " (id INT PRIMARY KEY, group_id INT NOT NULL, CONSTRAINT fk_member_group FOREIGN KEY "
          "(group_id) REFERENCES " +
          qualified_name(db, "groups") + " (id) ON DELETE CASCADE) ENGINE=InnoDB");
  run_sql("INSERT INTO " + qualified_name(db, "members") + " VALUES (1, 1), (2, 2)");
  run_sql("CREATE TABLE " + qualified_name(db, "tree") +
          " (id INT PRIMARY KEY, parent_id INT NULL, CONSTRAINT fk_tree_parent FOREIGN KEY "
          "(parent_id) REFERENCES " +
          qualified_name(db, "tree") + " (id)) ENGINE=InnoDB");
  run_sql("INSERT INTO " + qualified_name(db, "tree") + " VALUES (1, NULL), (2, 1)");
  run_sql("CREATE TABLE " + qualified_name(db, "tagged") +
          " (id INT PRIMARY KEY, group_id INT NOT NULL, CONSTRAINT fk_tagged_group FOREIGN KEY "
          "(group_id) REFERENCES " +
          qualified_name(db, "groups") + " (id)) ENGINE=InnoDB");
  run_sql("INSERT INTO " + qualified_name(db, "tagged") + " VALUES (1, 3)");

  SUBCASE("the parent's DELETE would cascade into the table without firing triggers") {
    expect_refusal(db, "members", "ADD COLUMN x INT", {}, {"fk_member_group", "CASCADE"});
  }
  SUBCASE("a table that references itself") {
    expect_refusal(db, "tree", "ADD COLUMN x INT", {}, {"fk_tree_parent", "itself"});
  }
  SUBCASE("a table other tables reference, without --alter-foreign-keys-method") {
    expect_refusal(db, "groups", "ADD COLUMN x INT", {},
                   {"fk_member_group", "fk_tagged_group", "rebuild_constraints"});
  }
  SUBCASE("the ALTER adds or drops a foreign key") {
    expect_refusal(db, "tagged", "DROP FOREIGN KEY fk_tagged_group", {}, {"foreign key"});
  }
  SUBCASE("the ALTER changes a column a foreign key uses") {
    expect_refusal(db, "tagged", "MODIFY group_id BIGINT NOT NULL", {},
                   {"`group_id`", "fk_tagged_group"});
  }
  SUBCASE("the ALTER changes a column other tables' foreign keys reference") {
    expect_refusal(db, "groups", "MODIFY id BIGINT NOT NULL",
                   {"--alter-foreign-keys-method", kRebuild}, {"`id`", "fk_tagged_group"});
  }
  SUBCASE("a bad --alter-foreign-keys-method is a usage error") {
    const DatabaseSnapshot before = snapshot_database(db);
    const ToolResult result =
        online_alter().run(tool_args(db, "groups", "ADD COLUMN x INT",
                                     {"--execute", "--alter-foreign-keys-method", "drop_swap"}));
    expect_error(result, 2, {"rebuild_constraints"});
    expect_unchanged(db, before);
  }
}

}  // namespace oa::test

namespace oa::test {

TEST_CASE("a swap stopped with the constraints half moved: cleanup and --resume put them back") {
  ScratchDatabase database(test_server(), "oa_it_fk_stop");
  const std::string db = database.name();
  create_groups(db);
  const TableSpec spec = grouped_shape(db);
  MigrationUnderWrites table(spec, db, "orders");
  table.prepare(3000);
  create_notes(db, "orders");
  const DatabaseSnapshot before = snapshot_database(db);

  const std::string alter = "ADD COLUMN note VARCHAR(20) NULL";
  const std::vector<std::string> method = {"--alter-foreign-keys-method", kRebuild};
  FlagFile hold("oa_it_fk_stop");
  {
    std::vector<std::string> args = {"--execute", "--postpone-cutover-file", hold.path()};
    args.insert(args.end(), method.begin(), method.end());
    ToolProcess tool(online_alter().binary(), tool_args(db, "orders", alter, args));
    REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", std::chrono::seconds(120)),
                    tool.err_so_far());
    tool.send_signal(SIGKILL);
    tool.wait();
  }
  // What a swap cut off after its first ALTERs leaves: T without its own
  // constraint, the shadow with it, the child pointing at the shadow.
  auto connection = connect();
  execute_sql(*connection, "SET SESSION foreign_key_checks = 0");
  execute_sql(*connection,
              "ALTER TABLE " + qualified_name(db, "orders") + " DROP FOREIGN KEY fk_group");
  execute_sql(*connection, "ALTER TABLE " + qualified_name(db, "orders_oa_new") +
                               " ADD CONSTRAINT fk_group FOREIGN KEY (k) REFERENCES " +
                               qualified_name(db, "groups") + " (id)");
  execute_sql(*connection,
              "ALTER TABLE " + qualified_name(db, "notes") +
                  " DROP FOREIGN KEY fk_note_order, ADD CONSTRAINT _fk_note_order FOREIGN KEY "
                  "(order_id) REFERENCES " +
                  qualified_name(db, "orders_oa_new") +
                  " (id) ON DELETE CASCADE ON UPDATE CASCADE");

  SUBCASE("cleanup: everything exactly as before the run") {
    std::vector<std::string> args = {"cleanup"};
    for (const auto& a : test_server().tool_connection_args()) args.push_back(a);
    args.insert(args.end(), {"--database", db, "--table", "orders"});
    const ToolResult cleanup = online_alter().run(args);
    CHECK_MESSAGE(cleanup.exit_code == 0, cleanup.describe());
    CHECK_MESSAGE(cleanup.out.find("fk_group") != std::string::npos, cleanup.describe());
    CHECK_MESSAGE(cleanup.out.find("fk_note_order") != std::string::npos, cleanup.describe());
    expect_unchanged(db, before);
  }
  SUBCASE("--resume: the migration completes with both constraints on the new table") {
    std::vector<std::string> args = {"--execute", "--resume"};
    args.insert(args.end(), method.begin(), method.end());
    const ToolResult resumed = online_alter().run(tool_args(db, "orders", alter, args));
    CHECK_MESSAGE(resumed.exit_code == 0, resumed.describe());
    CHECK(referenced_table(db, "_fk_note_order") == Value("orders"));
    CHECK(constraint_lines(db, "orders") == constraint_lines_of(before.definitions.at("orders")));
    CHECK(column_type(*connection, db, "orders", "note") ==
          std::optional<std::string>("varchar(20)"));
    CHECK(list_tables(*connection, db) == std::vector<std::string>{"groups", "notes", "orders"});
    CHECK(query_value(*connection, "SELECT COUNT(*) FROM " + qualified_name(db, "notes") +
                                       " WHERE order_id NOT IN (SELECT id FROM " +
                                       qualified_name(db, "orders") + ")") == Value("0"));
  }
}

}  // namespace oa::test
