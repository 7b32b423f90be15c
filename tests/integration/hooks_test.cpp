// --hook-dir: the hooks run at their events, in order, with the run's details
// and never the password; a failing before-copy hook stops the run before it
// copies, a failing before-cutover hook holds the swap back while the
// application keeps writing; a hook that is not executable is refused first.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "expectations.h"
#include "hook_scripts.h"
#include "shared_table.h"
#include "suite.h"
#include "support/flag_file.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/table_fill.h"
#include "support/tool_process.h"
#include "support/writer.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

constexpr int kUsage = 2;
constexpr int kRefused = 4;
constexpr int kMigrationFailed = 5;
constexpr int kInterrupted = 10;
constexpr std::uint64_t kRows = 3000;
constexpr auto kToolStartup = seconds(120);  // time to reach a logged state, on a slow machine
constexpr auto kHeld = seconds(8);           // the swap stays held back this long (a few retries)
const char kAlter[] = "ADD COLUMN added INT NOT NULL DEFAULT 42";
const char kTable[] = "orders";

std::string password() {
  const char* pwd = std::getenv("MYSQL_PWD");
  return pwd == nullptr ? "" : pwd;
}

void create_filled(const std::string& database, const std::string& table) {
  auto connection = connect();
  create_table(*connection, integer_key_shape(), database, table);
  fill_table(*connection, integer_key_shape(), database, table, kRows);
}

}  // namespace

TEST_CASE("hooks: all four run in order with the run's details and without the password") {
  ScratchDatabase database(test_server(), "oa_it_hooks");
  create_filled(database.name(), kTable);
  HookScripts hooks;
  for (const char* event : {"before-copy", "before-cutover", "success", "failure"}) {
    hooks.write(event, "echo output of the hook");
  }
  const ToolResult done = online_alter().run(tool_args(
      database.name(), kTable, kAlter, {"--execute", "--hook-dir", hooks.dir(), "--no-history"}));
  CHECK_MESSAGE(done.exit_code == 0, done.describe());
  const ToolResult refused =
      online_alter().run(tool_args(database.name(), "missing", kAlter,
                                   {"--execute", "--hook-dir", hooks.dir(), "--no-history"}));
  CHECK_MESSAGE(refused.exit_code == kRefused, refused.describe());

  const std::string db = database.name();
  const std::vector<std::string> expected = {
      "before-copy|" + db + "|orders|triggers|" + kAlter + "|0|unset|unset|unset",
      "before-cutover|" + db + "|orders|verify|" + kAlter + "|" + std::to_string(kRows) +
          "|unset|unset|unset",
      "success|" + db + "|orders|done|" + kAlter + "|" + std::to_string(kRows) + "|0|ok|unset",
      "failure|" + db + "|missing|preflight|" + kAlter + "|0|4|refused|unset"};
  CHECK(hooks.calls() == expected);
  // The hook's output reaches the log.
  CHECK(done.err.find("output of the hook") != std::string::npos);
  for (const char* event : {"before-copy", "before-cutover", "success", "failure"}) {
    CAPTURE(event);
    const std::string env = hooks.env_of(event);
    CHECK(env.find("OA_HOOK_EVENT=" + std::string(event)) != std::string::npos);
    CHECK(env.find("MYSQL_PWD") == std::string::npos);
    if (!password().empty()) CHECK(env.find(password()) == std::string::npos);
  }
  CHECK(hooks.env_of("failure").find("OA_ERROR=") != std::string::npos);
  auto connection = connect();
  CHECK(column_type(*connection, db, kTable, "added").has_value());
}

TEST_CASE("hooks: a failing before-copy hook stops the run before it copies, changing nothing") {
  ScratchDatabase database(test_server(), "oa_it_hook_copy");
  create_filled(database.name(), kTable);
  HookScripts hooks;
  hooks.write("before-copy", "echo not now, a backup runs; exit 3");
  hooks.write("failure");
  const DatabaseSnapshot before = snapshot_database(database.name());
  const ToolResult result = online_alter().run(tool_args(
      database.name(), kTable, kAlter, {"--execute", "--hook-dir", hooks.dir(), "--no-history"}));
  expect_error(result, kMigrationFailed, {"before-copy hook failed (exit status 3)"});
  CHECK(result.err.find("not now, a backup runs") != std::string::npos);
  expect_unchanged(database.name(), before);
  const auto calls = hooks.calls();
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].rfind("before-copy|", 0) == 0);
  CHECK(calls[1].rfind("failure|", 0) == 0);
  CHECK(calls[1].find("|5|migration-failed|") != std::string::npos);
}

TEST_CASE("hooks: a failing before-cutover hook holds the swap back until it succeeds") {
  ScratchDatabase database(test_server(), "oa_it_hook_cut");
  SharedTable table(database.name(), kTable, 6000, 0);
  Writer writer(test_server(), table.spec(), table.database(), table.table(), table.writer_rows(),
                table.writer_options(4));
  REQUIRE(writer.wait_for_commits(50, seconds(30)));
  FlagFile hold("oa_it_hook_cut");
  HookScripts hooks;
  hooks.write("before-cutover", "if [ -e " + hold.path() + " ]; then echo still held; exit 1; fi");
  const std::uint64_t commits_before = writer.stats().commits;
  ToolProcess tool(online_alter().binary(), tool_args(table.database(), table.table(), kAlter,
                                                      {"--execute", "--chunk-size", "500",
                                                       "--hook-dir", hooks.dir(), "--no-history"}));
  REQUIRE_MESSAGE(tool.wait_for_err("before-cutover hook failed", kToolStartup), tool.err_so_far());
  const std::uint64_t commits_held = writer.stats().commits;
  for (auto until = Clock::now() + kHeld; Clock::now() < until;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    auto connection = connect();
    const bool held = !tool.finished() &&
                      !column_type(*connection, table.database(), table.table(), "added") &&
                      !list_triggers(*connection, table.database()).empty();
    CHECK_MESSAGE(held, "the swap went ahead while the hook failed:\n" << tool.err_so_far());
    if (!held) break;
  }
  CHECK_MESSAGE(hooks.calls().size() >= 2, "the hook was not tried again");
  CHECK_MESSAGE(writer.stats().commits > commits_held, "the Writer committed nothing meanwhile");

  hold.remove();
  MigrationOutcome outcome;
  outcome.tool = tool.wait();
  outcome.commits_during_tool = writer.stats().commits - commits_before;
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  writer.stop();
  outcome.writer = writer.stats();
  outcome.record = writer.record();
  expect_migrated(table.spec(), table.database(), table.table(), outcome);
  CHECK(outcome.tool.err.find("the before-cutover hook succeeded") != std::string::npos);
}

TEST_CASE("hooks: SIGINT while the before-cutover hook runs stops the run at once") {
  ScratchDatabase database(test_server(), "oa_it_hook_int");
  create_filled(database.name(), kTable);
  HookScripts hooks;
  hooks.write("before-cutover", "sleep 60");
  const DatabaseSnapshot before = snapshot_database(database.name());
  ToolProcess tool(online_alter().binary(),
                   tool_args(database.name(), kTable, kAlter,
                             {"--execute", "--hook-dir", hooks.dir(), "--no-history"}));
  // The hook appends its line first, then sleeps: the signal arrives while it runs.
  for (auto until = Clock::now() + kToolStartup; hooks.calls().empty() && Clock::now() < until;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  REQUIRE_MESSAGE(!hooks.calls().empty(), tool.err_so_far());
  const auto signalled = Clock::now();
  tool.send_signal(SIGINT);
  const ToolResult result = tool.wait();
  CHECK(Clock::now() - signalled < seconds(20));
  expect_error(result, kInterrupted, {"SIGINT"});
  expect_unchanged(database.name(), before);
}

TEST_CASE("hooks: a file in --hook-dir that is not executable is refused before anything") {
  ScratchDatabase database(test_server(), "oa_it_hook_mode");
  create_filled(database.name(), kTable);
  HookScripts hooks;
  hooks.write("before-copy");
  hooks.write("success", "", 0644);
  const DatabaseSnapshot before = snapshot_database(database.name());
  const ToolResult result = online_alter().run(
      tool_args(database.name(), kTable, kAlter, {"--execute", "--hook-dir", hooks.dir()}));
  expect_error(result, kUsage, {hooks.dir() + "/success", "not executable"});
  const ToolResult missing = online_alter().run(tool_args(
      database.name(), kTable, kAlter, {"--execute", "--hook-dir", hooks.dir() + "/nothing"}));
  expect_error(missing, kUsage, {"not a directory"});
  expect_unchanged(database.name(), before);
  CHECK(hooks.calls().empty());
}

}  // namespace oa::test
