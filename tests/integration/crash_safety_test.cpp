// Runs that are stopped: killed with SIGKILL at several points and resumed,
// stopped by a signal, cut off from the server, cleaned up after, or met by a
// second run. Every table is checked against the Writer's own record, which
// keeps writing while the tool is dead.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <csignal>
#include <functional>
#include <optional>
#include <regex>
#include <set>
#include <thread>

#include "expectations.h"
#include "shared_table.h"
#include "suite.h"
#include "support/flag_file.h"
#include "support/inventory.h"
#include "support/long_transaction.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/text_query.h"
#include "support/tool_process.h"
#include "support/writer.h"

namespace oa::test {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

constexpr int kRefused = 4;
constexpr int kInterrupted = 10;

const char kAlter[] = "ADD COLUMN added INT NOT NULL DEFAULT 42";
const char kTable[] = "orders";
constexpr std::uint64_t kRows = 8000;
// Many small chunks with a pause between them: the copy lasts a few seconds.
const std::vector<std::string> kSmallChunks = {"--chunk-size", "200", "--sleep", "0.05"};
constexpr auto kToolStartup = seconds(120);
constexpr auto kWhileDead = milliseconds(500);  // the application writes while no tool runs
constexpr auto kWritingAfter = milliseconds(500);

std::vector<std::string> execute_args(const SharedTable& table,
                                      const std::vector<std::string>& options,
                                      const char* alter = kAlter) {
  std::vector<std::string> extra = {"--execute"};
  extra.insert(extra.end(), kSmallChunks.begin(), kSmallChunks.end());
  extra.insert(extra.end(), options.begin(), options.end());
  return tool_args(table.database(), table.table(), alter, extra);
}

std::vector<std::string> cleanup_args(const SharedTable& table,
                                      const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"cleanup"};
  for (const auto& a : test_server().tool_connection_args()) args.push_back(a);
  args.insert(args.end(), {"--database", table.database(), "--table", table.table()});
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

// Chunks the checkpoint says are copied, or nullopt while there is none.
// Chunks, not rows: the Writer deletes rows, so the rows copied may never
// reach a share of kRows, while every chunk but the last holds 200.
std::optional<std::uint64_t> chunks_copied(const SharedTable& table) {
  auto connection = connect();
  try {
    const Value v = query_value(
        *connection, "SELECT chunks FROM " + qualified_name(table.database(), "orders_oa_chk"));
    if (v) return std::stoull(*v);
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

// About kRows / 200 chunks in all: fewer when the Writer deleted rows first.
constexpr std::uint64_t kLateChunk = 22;

// Polls until `reached` holds (true) or the tool ended or `timeout` passed.
bool wait_until(const ToolProcess& tool, const std::function<bool()>& reached,
                Clock::duration timeout = kToolStartup) {
  for (const auto until = Clock::now() + timeout; Clock::now() < until && !tool.finished();) {
    if (reached()) return true;
    std::this_thread::sleep_for(milliseconds(20));
  }
  return false;
}

// The table's definition without the AUTO_INCREMENT counter, which the Writer moves.
std::string definition_of(const SharedTable& table) {
  auto connection = connect();
  const Value text =
      query_rows(*connection, "SHOW CREATE TABLE " + qualified_name(table.database(), kTable))
          .at(0)
          .at(1);
  return std::regex_replace(text.value_or(""), std::regex(" AUTO_INCREMENT=[0-9]+"), "");
}

// What follows the kill.
enum class Finish { kResume, kCleanup };

// The run `tool` made while `writer` went on (it had committed
// `commits_before` when the run began): writes a while longer, stops it.
MigrationOutcome settle(ToolResult tool, Writer& writer, std::uint64_t commits_before) {
  MigrationOutcome outcome;
  outcome.tool = std::move(tool);
  outcome.commits_during_tool = writer.stats().commits - commits_before;
  std::this_thread::sleep_for(kWritingAfter);
  writer.stop();
  outcome.writer = writer.stats();
  outcome.record = writer.record();
  return outcome;
}

// --resume under the Writer: a completed migration equal to the record.
void expect_resumes(const SharedTable& table, Writer& writer) {
  const std::uint64_t commits_before = writer.stats().commits;
  const MigrationOutcome outcome =
      settle(online_alter().run(execute_args(table, {"--resume"})), writer, commits_before);
  expect_migrated(table.spec(), table.database(), table.table(), outcome);
  CHECK_MESSAGE(contains_ignoring_case(outcome.tool.err, "resuming"), outcome.tool.describe());
}

// cleanup under the Writer: the schema exactly as before, the rows equal to the record.
void expect_cleaned_up(const SharedTable& table, Writer& writer, const std::string& definition) {
  const ToolResult dry = online_alter().run(cleanup_args(table, {"--dry-run"}));
  CHECK_MESSAGE(dry.exit_code == 0, dry.describe());
  CHECK_MESSAGE(contains_ignoring_case(dry.out, "would remove shadow table"), dry.describe());
  auto connection = connect();
  CHECK(list_tables(*connection, table.database()).size() == 4);  // nothing removed yet

  const ToolResult cleanup = online_alter().run(cleanup_args(table));
  CHECK_MESSAGE(cleanup.exit_code == 0, cleanup.describe());
  for (const char* what : {"change log", "shadow table", "checkpoint table"}) {
    CHECK_MESSAGE(contains_ignoring_case(cleanup.out, std::string("removed ") + what),
                  cleanup.describe());
  }
  const ToolResult again = online_alter().run(cleanup_args(table));
  CHECK_MESSAGE(contains_ignoring_case(again.out, "nothing to remove"), again.describe());

  std::this_thread::sleep_for(kWritingAfter);
  writer.stop();
  CHECK(list_tables(*connection, table.database()) == std::vector<std::string>{kTable});
  CHECK(list_triggers(*connection, table.database()).empty());
  CHECK(definition_of(table) == definition);
  expect_matches_record(table.spec(), table.database(), table.table(), writer.record());
  CHECK_MESSAGE(writer.stats().errors_except({1213, 1205}) == 0, writer.stats().summary());
}

struct KillHooks {
  std::function<void(const SharedTable&)> before_start;
  std::function<void()> after_kill;
};

// The standard kill: SIGKILL when `reached`, the Writer goes on while the tool
// is dead, then `--resume` or cleanup under the same Writer.
void kill_then(Finish finish, const char* label, const std::vector<std::string>& options,
               const std::function<bool(const SharedTable&, const ToolProcess&)>& reached,
               const KillHooks& hooks = {}) {
  ScratchDatabase database(test_server(), label);
  SharedTable table(database.name(), kTable, kRows, 0);
  const std::string definition = definition_of(table);
  Writer writer(test_server(), table.spec(), table.database(), table.table(), table.writer_rows(),
                table.writer_options(4));
  REQUIRE(writer.wait_for_commits(50, seconds(30)));
  if (hooks.before_start) hooks.before_start(table);
  {
    ToolProcess tool(online_alter().binary(), execute_args(table, options));
    REQUIRE_MESSAGE(reached(table, tool), tool.err_so_far());
    tool.send_signal(SIGKILL);
    const ToolResult killed = tool.wait();
    REQUIRE_MESSAGE(killed.exit_code == 128 + SIGKILL, killed.describe());
  }
  if (hooks.after_kill) hooks.after_kill();
  const std::uint64_t commits_dead = writer.stats().commits;
  std::this_thread::sleep_for(kWhileDead);
  CHECK_MESSAGE(writer.stats().commits > commits_dead,
                "the application could not write while the tool was dead");
  if (finish == Finish::kResume) {
    expect_resumes(table, writer);
  } else {
    expect_cleaned_up(table, writer, definition);
  }
}

// Both ways on from a kill, each in a subcase of its own.
void kill_then_each(const char* label, const std::vector<std::string>& options,
                    const std::function<bool(const SharedTable&, const ToolProcess&)>& reached,
                    const KillHooks& hooks = {}) {
  SUBCASE("then --resume: equal to the record") {
    kill_then(Finish::kResume, label, options, reached, hooks);
  }
  SUBCASE("then cleanup: the schema as before") {
    kill_then(Finish::kCleanup, label, options, reached, hooks);
  }
}

}  // namespace

TEST_CASE("SIGKILL while the triggers are installed") {
  // A reader holding T makes the trigger installation wait for its lock.
  std::unique_ptr<LongTransaction> holder;
  KillHooks hooks;
  hooks.before_start = [&](const SharedTable& table) {
    holder = std::make_unique<LongTransaction>(test_server(), table.database(), table.table());
  };
  hooks.after_kill = [&] { holder->commit(); };
  kill_then_each(
      "oa_it_kill_triggers", {"--lock-wait-timeout", "20"},
      [&](const SharedTable&, const ToolProcess& tool) {
        return tool.wait_for_err("created change log", kToolStartup) &&
               !tool.wait_for_err("installed capture triggers", milliseconds(300));
      },
      hooks);
}

TEST_CASE("SIGKILL early in the copy") {
  kill_then_each("oa_it_kill_early", {}, [](const SharedTable& table, const ToolProcess& tool) {
    return wait_until(tool, [&] { return chunks_copied(table).value_or(0) > 0; });
  });
}

TEST_CASE("SIGKILL late in the copy") {
  kill_then_each("oa_it_kill_late", {}, [](const SharedTable& table, const ToolProcess& tool) {
    return wait_until(tool, [&] { return chunks_copied(table).value_or(0) >= kLateChunk; });
  });
}

TEST_CASE("SIGKILL just before the cut-over") {
  FlagFile hold("oa_it_kill_cutover");
  kill_then_each("oa_it_kill_cutover", {"--postpone-cutover-file", hold.path()},
                 [](const SharedTable&, const ToolProcess& tool) {
                   return tool.wait_for_err("cut-over postponed", kToolStartup);
                 });
}

TEST_CASE("SIGKILL right after the swap, then --resume removes what is left") {
  ScratchDatabase database(test_server(), "oa_it_kill_swapped");
  SharedTable table(database.name(), kTable, kRows, 0);
  {
    ToolProcess tool(online_alter().binary(), execute_args(table, {}));
    REQUIRE_MESSAGE(tool.wait_for_err("swapped:", kToolStartup), tool.err_so_far());
    tool.send_signal(SIGKILL);
    tool.wait();
  }
  auto connection = connect();
  const bool checkpoint_left =
      list_tables(*connection, table.database()).size() > 1 && chunks_copied(table).has_value();
  MESSAGE("the killed run left its checkpoint: " << checkpoint_left);
  const ToolResult resumed = online_alter().run(execute_args(table, {"--resume"}));
  if (checkpoint_left) {
    CHECK_MESSAGE(resumed.exit_code == 0, resumed.describe());
    CHECK_MESSAGE(contains_ignoring_case(resumed.out, "leftovers are removed"), resumed.describe());
  } else {
    // The kill came after the run had removed everything.
    expect_error(resumed, kRefused, {"nothing to resume"});
  }
  CHECK(list_tables(*connection, table.database()) == std::vector<std::string>{kTable});
  CHECK(list_triggers(*connection, table.database()).empty());
  CHECK(column_type(*connection, table.database(), kTable, "added").has_value());
  expect_matches_record(table.spec(), table.database(), table.table(), table.writer_rows());
}

TEST_CASE("--resume after a finished run refuses and keeps the old table it kept") {
  ScratchDatabase database(test_server(), "oa_it_resume_finished");
  SharedTable table(database.name(), kTable, 500, 0);
  const ToolResult done = online_alter().run(execute_args(table, {"--no-drop-old-table"}));
  REQUIRE_MESSAGE(done.exit_code == 0, done.describe());
  const ToolResult resumed = online_alter().run(execute_args(table, {"--resume"}));
  expect_error(resumed, kRefused, {"nothing to resume"});
  auto connection = connect();
  CHECK(list_tables(*connection, table.database()) ==
        std::vector<std::string>{"_orders_old", kTable});
}

TEST_CASE("--resume refuses a different ALTER and a missing trigger, and changes nothing") {
  ScratchDatabase database(test_server(), "oa_it_resume_refusals");
  SharedTable table(database.name(), kTable, kRows, 0);
  {
    ToolProcess tool(online_alter().binary(), execute_args(table, {}));
    REQUIRE(wait_until(tool, [&] { return chunks_copied(table).value_or(0) > 0; }));
    tool.send_signal(SIGKILL);
    tool.wait();
  }
  auto connection = connect();
  const auto tables = list_tables(*connection, table.database());
  const ToolResult other =
      online_alter().run(execute_args(table, {"--resume"}, "ADD COLUMN other INT"));
  expect_error(other, kRefused, {"ALTER was"});
  CHECK(list_tables(*connection, table.database()) == tables);

  execute_sql(*connection, "DROP TRIGGER " + qualified_name(table.database(), "orders_oa_upd"));
  const ToolResult missing = online_alter().run(execute_args(table, {"--resume"}));
  expect_error(missing, kRefused, {"orders_oa_upd", "gone"});
  CHECK(list_tables(*connection, table.database()) == tables);
  CHECK(online_alter().run(cleanup_args(table)).exit_code == 0);
  expect_matches_record(table.spec(), table.database(), table.table(), table.writer_rows());
}

TEST_CASE("the application's writes succeed while the tool is dead, even with its tables dropped") {
  ScratchDatabase database(test_server(), "oa_it_dead_tables");
  SharedTable table(database.name(), kTable, kRows, 0);
  Writer writer(test_server(), table.spec(), table.database(), table.table(), table.writer_rows(),
                table.writer_options(4));
  {
    ToolProcess tool(online_alter().binary(), execute_args(table, {}));
    REQUIRE(wait_until(tool, [&] { return chunks_copied(table).value_or(0) > 0; }));
    tool.send_signal(SIGKILL);
    tool.wait();
  }
  auto connection = connect();
  for (const char* t : {"orders_oa_chg", "orders_oa_new"}) {
    execute_sql(*connection, "DROP TABLE " + qualified_name(table.database(), t));
  }
  const std::uint64_t errors_before = writer.stats().errors;
  const std::uint64_t commits_before = writer.stats().commits;
  std::this_thread::sleep_for(kWhileDead);
  CHECK(writer.stats().commits > commits_before);
  CHECK_MESSAGE(writer.stats().errors_except({1213, 1205}) == 0, writer.stats().summary());
  CHECK(writer.stats().errors == errors_before);

  const ToolResult resumed = online_alter().run(execute_args(table, {"--resume"}));
  expect_error(resumed, kRefused, {"gone"});
  CHECK(online_alter().run(cleanup_args(table)).exit_code == 0);
  writer.stop();
  CHECK(list_tables(*connection, table.database()) == std::vector<std::string>{kTable});
  CHECK(list_triggers(*connection, table.database()).empty());
  expect_matches_record(table.spec(), table.database(), table.table(), writer.record());
}

TEST_CASE(
    "SIGTERM stops at a safe point and removes everything; with --keep-for-resume it keeps "
    "it for --resume") {
  ScratchDatabase database(test_server(), "oa_it_sigterm");
  SharedTable table(database.name(), kTable, kRows, 0);
  Writer writer(test_server(), table.spec(), table.database(), table.table(), table.writer_rows(),
                table.writer_options(4));
  auto connection = connect();
  {
    ToolProcess tool(online_alter().binary(), execute_args(table, {}));
    REQUIRE(wait_until(tool, [&] { return chunks_copied(table).value_or(0) > 0; }));
    tool.send_signal(SIGTERM);
    expect_error(tool.wait(), kInterrupted, {"SIGTERM"});
  }
  CHECK(list_tables(*connection, table.database()) == std::vector<std::string>{kTable});
  CHECK(list_triggers(*connection, table.database()).empty());
  {
    ToolProcess tool(online_alter().binary(), execute_args(table, {"--keep-for-resume"}));
    REQUIRE(wait_until(tool, [&] { return chunks_copied(table).value_or(0) > 0; }));
    tool.send_signal(SIGINT);
    const ToolResult kept = tool.wait();
    expect_error(kept, kInterrupted, {"SIGINT"});
    CHECK_MESSAGE(contains_ignoring_case(kept.err, "--resume"), kept.describe());
  }
  CHECK(list_tables(*connection, table.database()).size() == 4);
  expect_resumes(table, writer);
}

TEST_CASE(
    "a second signal stops at once, leaving the original untouched and the rest for cleanup") {
  ScratchDatabase database(test_server(), "oa_it_second_signal");
  SharedTable table(database.name(), kTable, kRows, 0);
  {
    ToolProcess tool(online_alter().binary(), execute_args(table, {}));
    REQUIRE(wait_until(tool, [&] { return chunks_copied(table).value_or(0) > 0; }));
    tool.send_signal(SIGTERM);
    // A second signal sent before the first was handled would merge with it.
    REQUIRE(tool.wait_for_err("stopping at the next safe point", seconds(10)));
    tool.send_signal(SIGTERM);
    const ToolResult stopped = tool.wait();
    CHECK_MESSAGE(stopped.exit_code == 128 + SIGTERM, stopped.describe());
    CHECK_MESSAGE(contains_ignoring_case(stopped.err, "stopping now"), stopped.describe());
  }
  auto connection = connect();
  CHECK(list_tables(*connection, table.database()).size() == 4);
  expect_matches_record(table.spec(), table.database(), table.table(), table.writer_rows());
  CHECK(online_alter().run(cleanup_args(table)).exit_code == 0);
  CHECK(list_tables(*connection, table.database()) == std::vector<std::string>{kTable});
  CHECK(list_triggers(*connection, table.database()).empty());
}

TEST_CASE("killing the tool's connections mid-copy ends in a completed migration") {
  ScratchDatabase database(test_server(), "oa_it_kill_sessions");
  SharedTable table(database.name(), kTable, kRows, 0);
  Writer writer(test_server(), table.spec(), table.database(), table.table(), table.writer_rows(),
                table.writer_options(4));
  REQUIRE(writer.wait_for_commits(50, seconds(30)));
  auto connection = connect();
  const std::string ids =
      "SELECT ID FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()";
  std::set<std::string> before;  // the Writer's sessions, and any other test's
  for (const Row& r : query_rows(*connection, ids)) before.insert(r[0].value_or(""));

  const std::uint64_t commits_before = writer.stats().commits;
  ToolProcess tool(online_alter().binary(), execute_args(table, {}));
  int killed = 0;
  // First the statements running (an operator's KILL QUERY), then the sessions.
  const std::vector<std::pair<std::uint64_t, std::string>> rounds = {
      {6, "KILL QUERY "}, {12, "KILL "}, {18, "KILL "}};
  for (const auto& [at, kill] : rounds) {
    REQUIRE_MESSAGE(wait_until(tool, [&] { return chunks_copied(table).value_or(0) >= at; }),
                    tool.err_so_far());
    for (const Row& r : query_rows(*connection, ids)) {
      if (before.count(r[0].value_or("")) || !r[0]) continue;
      try {
        execute_sql(*connection, kill + *r[0]);
        ++killed;
      } catch (const std::exception&) {
        // The session ended by itself meanwhile.
      }
    }
  }
  CHECK(killed >= 8);  // main, copy, verifier, run lock: twice each
  const MigrationOutcome outcome = settle(tool.wait(), writer, commits_before);
  expect_migrated(table.spec(), table.database(), table.table(), outcome);
  CHECK_MESSAGE(contains_ignoring_case(outcome.tool.err, "connected again"),
                outcome.tool.describe());
}

TEST_CASE("a second run on the same table refuses, naming the first") {
  ScratchDatabase database(test_server(), "oa_it_second_run");
  SharedTable table(database.name(), kTable, kRows, 0);
  FlagFile hold("oa_it_second_run");
  ToolProcess first(online_alter().binary(),
                    execute_args(table, {"--postpone-cutover-file", hold.path()}));
  REQUIRE_MESSAGE(first.wait_for_err("cut-over postponed", kToolStartup), first.err_so_far());
  const ToolResult second = online_alter().run(execute_args(table, {}));
  expect_error(second, kRefused, {"another online-alter run"});
  CHECK_MESSAGE(contains_ignoring_case(second.err, "server connection"), second.describe());
  const ToolResult cleanup = online_alter().run(cleanup_args(table));
  expect_error(cleanup, kRefused, {"another online-alter run"});
  hold.remove();
  const ToolResult done = first.wait();
  CHECK_MESSAGE(done.exit_code == 0, done.describe());
  auto connection = connect();
  CHECK(list_tables(*connection, table.database()) == std::vector<std::string>{kTable});
  expect_matches_record(table.spec(), table.database(), table.table(), table.writer_rows());
}

TEST_CASE("a server restart mid-copy ends in a completed migration or a clean refusal") {
  if (!TestServer::can_restart()) {
    MESSAGE("skipped: OA_SERVER_DEFAULTS is not set (scripts/test sets it)");
    return;
  }
  ScratchDatabase database(test_server(), "oa_it_restart");
  SharedTable table(database.name(), kTable, kRows, 0);
  // No Writer: a transaction cut off by the shutdown may or may not have
  // committed, and the record must be exact.
  ToolProcess tool(online_alter().binary(), execute_args(table, {}));
  REQUIRE(wait_until(tool, [&] { return chunks_copied(table).value_or(0) >= 10; }));
  test_server().restart();
  ToolResult result = tool.wait();
  MESSAGE("the run that saw the restart: " << result.describe());
  if (result.exit_code != 0) {
    // It gave up: what it left must resume, or be refused and cleaned up.
    result = online_alter().run(execute_args(table, {"--resume"}));
    MESSAGE("--resume: " << result.describe());
    if (result.exit_code != 0) {
      expect_error(result, kRefused, {"cannot resume", "nothing to resume"});
      CHECK(online_alter().run(cleanup_args(table)).exit_code == 0);
    }
  }
  auto connection = connect();
  CHECK(list_tables(*connection, table.database()) == std::vector<std::string>{kTable});
  CHECK(list_triggers(*connection, table.database()).empty());
  expect_matches_record(table.spec(), table.database(), table.table(), table.writer_rows());
  if (result.exit_code == 0) {
    CHECK(column_type(*connection, table.database(), kTable, "added").has_value());
  }
}

}  // namespace oa::test
