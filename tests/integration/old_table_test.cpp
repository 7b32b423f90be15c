// --no-drop-old-table keeps the original as _T_old, holding exactly the rows
// of the moment of the swap, with no trigger left on either table.
#include <cppconn/connection.h>
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <future>
#include <thread>

#include "expectations.h"
#include "suite.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/table_fill.h"
#include "support/table_reader.h"
#include "support/writer.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

constexpr std::uint64_t kRows = 5000;
constexpr std::uint64_t kSecondWriterFirstN = 100000000;  // far above any n the first writer used
constexpr auto kTriggerWait = std::chrono::seconds(120);

// Waits until `database` has a trigger or the tool has finished; returns
// whether a trigger appeared.
bool wait_for_triggers(const std::string& database, const std::future<ToolResult>& tool) {
  auto connection = connect();
  const auto deadline = std::chrono::steady_clock::now() + kTriggerWait;
  while (std::chrono::steady_clock::now() < deadline) {
    if (!list_triggers(*connection, database).empty()) return true;
    if (tool.wait_for(std::chrono::milliseconds(50)) == std::future_status::ready) return false;
  }
  return false;
}

}  // namespace

TEST_CASE("--no-drop-old-table keeps _T_old with the rows of the moment of the swap") {
  ScratchDatabase database(test_server(), "oa_it_keepold");
  const std::string table = "orders";
  const std::string old_table = "_orders_old";
  const std::string postpone_file =
      "/tmp/oa_it_postpone_" + std::to_string(getpid()) + "_" + database.name();
  const TableSpec spec = integer_key_shape();
  Record initial;
  {
    auto connection = connect();
    create_table(*connection, spec, database.name(), table);
    fill_table(*connection, spec, database.name(), table, kRows);
    initial = load_record(*connection, spec, database.name(), table);
  }

  WriterOptions options;
  options.threads = 4;
  options.first_new_n = kRows;
  Writer writer(test_server(), spec, database.name(), table, initial, options);
  REQUIRE(writer.wait_for_commits(50, std::chrono::seconds(30)));

  // The cut-over waits while this file exists: the writer can be stopped with
  // the migration still before its swap, so the swap moment is known.
  std::FILE* marker = std::fopen(postpone_file.c_str(), "w");
  REQUIRE(marker != nullptr);
  std::fclose(marker);
  std::future<ToolResult> tool = std::async(std::launch::async, [&] {
    return online_alter().run(
        tool_args(database.name(), table, "ADD COLUMN added INT NOT NULL DEFAULT 42",
                  {"--execute", "--no-drop-old-table", "--postpone-cutover-file", postpone_file,
                   "--chunk-size", "500", "--sleep", "0.02"}));
  });
  const bool triggers_seen = wait_for_triggers(database.name(), tool);
  CHECK_MESSAGE(triggers_seen, "no capture trigger appeared while the tool ran");
  std::this_thread::sleep_for(std::chrono::seconds(1));  // writes through the triggers
  CHECK_MESSAGE(tool.wait_for(std::chrono::seconds(0)) != std::future_status::ready,
                "the tool finished while the postpone-cutover file existed");
  writer.stop();
  const Record at_swap = writer.record();
  ContentHash before_swap;
  {
    auto connection = connect();
    before_swap = content_hash(*connection, database.name(), table);
  }
  std::remove(postpone_file.c_str());
  const ToolResult result = tool.get();
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  MESSAGE("writer: " << writer.stats().summary());
  CHECK(writer.stats().errors_except({1213, 1205}) == 0);

  auto connection = connect();
  CHECK(list_tables(*connection, database.name()) == std::vector<std::string>{old_table, table});
  CHECK(list_triggers(*connection, database.name()).empty());
  expect_matches_record(spec, database.name(), table, at_swap);
  expect_matches_record(spec, database.name(), old_table, at_swap);
  CHECK(content_hash(*connection, database.name(), old_table) == before_swap);
  CHECK(column_type(*connection, database.name(), table, "added").has_value());
  CHECK_FALSE(column_type(*connection, database.name(), old_table, "added").has_value());

  // Writes after the swap reach the new table only: nothing still feeds or
  // watches the old one.
  Writer after(test_server(), spec, database.name(), table, at_swap,
               WriterOptions{4, 0, kSecondWriterFirstN, 2});
  CHECK(after.wait_for_commits(200, std::chrono::seconds(30)));
  after.stop();
  MESSAGE("writer after the swap: " << after.stats().summary());
  CHECK(after.stats().errors == 0);
  expect_matches_record(spec, database.name(), table, after.record());
  CHECK(content_hash(*connection, database.name(), old_table) == before_swap);
}

}  // namespace oa::test
