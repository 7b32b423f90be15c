// --revertible, revert and finalize on a live table: every write the
// application committed, before or after each swap, is in the table it ends
// with, checked against the writer's own record.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <thread>

#include "suite.h"
#include "support/inventory.h"
#include "support/record_comparison.h"
#include "support/scratch_database.h"
#include "support/table_fill.h"
#include "support/table_reader.h"
#include "support/text_query.h"
#include "support/tool_process.h"
#include "support/writer.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

constexpr std::uint64_t kRows = 5000;
constexpr auto kCommitWait = std::chrono::seconds(30);

// `online-alter revert|finalize ...` on `table`.
std::vector<std::string> window_args(const char* command, const std::string& database,
                                     const std::string& table,
                                     const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {command};
  for (const auto& a : test_server().tool_connection_args()) args.push_back(a);
  args.insert(args.end(), {"--database", database, "--table", table});
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

Record create_filled(const TableSpec& spec, const std::string& database, std::uint64_t rows) {
  auto c = connect();
  create_table(*c, spec, database, "t");
  fill_table(*c, spec, database, "t", rows);
  return load_record(*c, spec, database, "t");
}

// Lets the writer commit `more` transactions.
void keep_writing(const Writer& writer, std::uint64_t more) {
  REQUIRE(writer.wait_for_commits(writer.stats().commits + more, kCommitWait));
}

std::optional<std::string> note_type(const std::string& database) {
  auto c = connect();
  return column_type(*c, database, "t", "note");
}

// `database` holds `t` alone, with no trigger.
void check_only_t_left(const std::string& database) {
  auto c = connect();
  CHECK(list_tables(*c, database) == std::vector<std::string>{"t"});
  CHECK(list_triggers(*c, database).empty());
}

// finalize succeeds, says `says`, and leaves `t` alone.
void finalize(const std::string& database, const std::string& says = "") {
  const ToolResult finalized = online_alter().run(window_args("finalize", database, "t"));
  CHECK_MESSAGE(finalized.exit_code == 0, finalized.describe());
  CHECK_MESSAGE(finalized.out.find(says) != std::string::npos, finalized.describe());
  check_only_t_left(database);
}

// Checks that `table` holds exactly what `writer` committed; stops it first.
Record stop_and_check(Writer& writer, const TableSpec& spec, const std::string& database) {
  writer.stop();
  Record committed = writer.record();
  auto c = connect();
  const Comparison comparison = compare_with_record(*c, spec, database, "t", committed);
  CHECK_MESSAGE(comparison.matches(), comparison.summary());
  return committed;
}

}  // namespace

TEST_CASE(
    "a revertible migration reverted under writes keeps every write, and so does its revert") {
  ScratchDatabase database(test_server(), "oa_it_revert");
  const TableSpec spec = integer_key_shape();
  Record initial = create_filled(spec, database.name(), kRows);
  Record committed;
  {
    Writer writer(test_server(), spec, database.name(), "t", std::move(initial),
                  WriterOptions{4, 400, kRows, 7});
    keep_writing(writer, 50);
    const ToolResult migrated = online_alter().run(
        tool_args(database.name(), "t", "ADD COLUMN note VARCHAR(20) NOT NULL DEFAULT 'x'",
                  {"--execute", "--revertible", "--chunk-size", "500"}));
    REQUIRE_MESSAGE(migrated.exit_code == 0, migrated.describe());
    CHECK(migrated.out.find("revertible until") != std::string::npos);
    CHECK(note_type(database.name()) == std::optional<std::string>("varchar(20)"));
    keep_writing(writer, 200);  // writes to the new table only, through its triggers
    const ToolResult reverted = online_alter().run(window_args("revert", database.name(), "t"));
    REQUIRE_MESSAGE(reverted.exit_code == 0, reverted.describe());
    CHECK_FALSE(note_type(database.name()).has_value());
    keep_writing(writer, 100);
    // Every write, before the swap, between the swaps and after the revert.
    committed = stop_and_check(writer, spec, database.name());
  }
  // The revert left the newer table revertible in turn.
  Writer writer(test_server(), spec, database.name(), "t", std::move(committed),
                WriterOptions{4, 400, 10 * kRows, 8});
  keep_writing(writer, 200);
  const ToolResult again = online_alter().run(window_args("revert", database.name(), "t"));
  REQUIRE_MESSAGE(again.exit_code == 0, again.describe());
  CHECK(note_type(database.name()) == std::optional<std::string>("varchar(20)"));
  keep_writing(writer, 100);
  const Record expected = stop_and_check(writer, spec, database.name());

  finalize(database.name(), "the revert window was open until");
  auto c = connect();
  const Comparison after = compare_with_record(*c, spec, database.name(), "t", expected);
  CHECK_MESSAGE(after.matches(), after.summary());
  // Nothing is left to revert.
  CHECK(online_alter().run(window_args("revert", database.name(), "t")).exit_code == 4);
}

TEST_CASE("an expired window refuses the revert; cleanup and finalize say it ended") {
  ScratchDatabase database(test_server(), "oa_it_revert_expired");
  const TableSpec spec = integer_key_shape();
  create_filled(spec, database.name(), 100);
  const ToolResult migrated =
      online_alter().run(tool_args(database.name(), "t", "ADD COLUMN note INT",
                                   {"--execute", "--revertible", "--revert-window", "1s"}));
  REQUIRE_MESSAGE(migrated.exit_code == 0, migrated.describe());
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  const ToolResult refused = online_alter().run(window_args("revert", database.name(), "t"));
  CHECK_MESSAGE(refused.exit_code == 4, refused.describe());
  CHECK(refused.err.find("ended at") != std::string::npos);
  CHECK(note_type(database.name()).has_value());
  const ToolResult cleanup = online_alter().run(window_args("cleanup", database.name(), "t"));
  CHECK_MESSAGE(cleanup.exit_code == 4, cleanup.describe());
  CHECK(cleanup.err.find("whose revert window ended at") != std::string::npos);
  finalize(database.name(), "the revert window had ended at");
}

TEST_CASE("a value the old schema cannot hold is written, and the revert is refused") {
  ScratchDatabase database(test_server(), "oa_it_revert_misfit");
  const TableSpec spec = integer_key_shape();
  create_filled(spec, database.name(), 200);
  const ToolResult plan = online_alter().run(tool_args(
      database.name(), "t", "MODIFY c VARCHAR(300) NOT NULL", {"--dry-run", "--revertible"}));
  CHECK_MESSAGE(plan.exit_code == 0, plan.describe());
  CHECK(plan.out.find("online-alter revert --database " + database.name() + " --table t") !=
        std::string::npos);
  CHECK(plan.out.find("online-alter finalize --database " + database.name() + " --table t") !=
        std::string::npos);
  CHECK(plan.out.find("RENAME TABLE `" + database.name() + "`.`_t_old` TO") != std::string::npos);
  CHECK(plan.out.find("DROP TABLE IF EXISTS `" + database.name() + "`.`_t_old`") !=
        std::string::npos);

  const ToolResult migrated = online_alter().run(tool_args(
      database.name(), "t", "MODIFY c VARCHAR(300) NOT NULL", {"--execute", "--revertible"}));
  REQUIRE_MESSAGE(migrated.exit_code == 0, migrated.describe());
  const std::string table = "`" + database.name() + "`.`t`";
  // The application's write succeeds although the old table cannot hold it.
  execute_sql(*connect(), "UPDATE " + table + " SET c = REPEAT('y', 250) WHERE id = 1");

  const ToolResult refused = online_alter().run(window_args("revert", database.name(), "t"));
  CHECK_MESSAGE(refused.exit_code == 4, refused.describe());
  CHECK(refused.err.find("does not fit the old schema") != std::string::npos);
  CHECK(refused.err.find("Data too long for column 'c'") != std::string::npos);
  {
    auto c = connect();
    CHECK(column_type(*c, database.name(), "t", "c") == std::optional<std::string>("varchar(300)"));
    CHECK(list_triggers(*c, database.name()).size() == 3);
  }
  // Nor may a cleanup or another migration break the window.
  const ToolResult cleanup = online_alter().run(window_args("cleanup", database.name(), "t"));
  CHECK_MESSAGE(cleanup.exit_code == 4, cleanup.describe());
  CHECK(cleanup.err.find("revert window is open until") != std::string::npos);

  // Once the row fits, the revert goes through.
  execute_sql(*connect(), "UPDATE " + table + " SET c = 'fits' WHERE id = 1");
  const ToolResult reverted = online_alter().run(window_args("revert", database.name(), "t"));
  CHECK_MESSAGE(reverted.exit_code == 0, reverted.describe());
  auto c = connect();
  CHECK(column_type(*c, database.name(), "t", "c") == std::optional<std::string>("varchar(100)"));
  CHECK(query_value(*c, "SELECT c FROM " + table + " WHERE id = 1") == Value("fits"));
  finalize(database.name());
}

TEST_CASE("a revert stopped before its swap is picked up by the next one") {
  ScratchDatabase database(test_server(), "oa_it_revert_stopped");
  const TableSpec spec = integer_key_shape();
  const Record initial = create_filled(spec, database.name(), 300);
  const ToolResult migrated = online_alter().run(
      tool_args(database.name(), "t", "ADD COLUMN note INT", {"--execute", "--revertible"}));
  REQUIRE_MESSAGE(migrated.exit_code == 0, migrated.describe());
  // What a revert stopped between its two RENAMEs leaves.
  execute_sql(*connect(), "RENAME TABLE `" + database.name() + "`.`_t_old` TO `" + database.name() +
                              "`.`t_oa_new`");
  const ToolResult reverted = online_alter().run(window_args("revert", database.name(), "t"));
  CHECK_MESSAGE(reverted.exit_code == 0, reverted.describe());
  CHECK(reverted.err.find("a revert was stopped before its swap") != std::string::npos);
  CHECK_FALSE(note_type(database.name()).has_value());
  auto c = connect();
  const Comparison comparison = compare_with_record(*c, spec, database.name(), "t", initial);
  CHECK_MESSAGE(comparison.matches(), comparison.summary());
}

TEST_CASE(
    "a --revertible run killed right after its swap leaves nothing cleanup or finalize miss") {
  ScratchDatabase database(test_server(), "oa_it_revert_killed");
  const TableSpec spec = integer_key_shape();
  const Record initial = create_filled(spec, database.name(), 2000);
  {
    ToolProcess tool(online_alter().binary(),
                     tool_args(database.name(), "t", "ADD COLUMN note INT",
                               {"--execute", "--revertible", "--chunk-size", "200"}));
    REQUIRE_MESSAGE(tool.wait_for_err("swapped:", std::chrono::seconds(120)), tool.err_so_far());
    tool.send_signal(SIGKILL);
    tool.wait();
  }
  // Before the window was recorded, cleanup removes the way back with the
  // rest; after, cleanup refuses and finalize does it.
  const ToolResult cleanup =
      online_alter().run(window_args("cleanup", database.name(), "t", {"--drop-old-table"}));
  MESSAGE("cleanup after the kill: exit code " << cleanup.exit_code);
  if (cleanup.exit_code != 0) {
    CHECK_MESSAGE(cleanup.exit_code == 4, cleanup.describe());
    finalize(database.name());
  }
  check_only_t_left(database.name());
  auto c = connect();
  CHECK(note_type(database.name()) == std::optional<std::string>("int(11)"));
  const Comparison comparison = compare_with_record(*c, spec, database.name(), "t", initial);
  CHECK_MESSAGE(comparison.matches(), comparison.summary());
}

}  // namespace oa::test
