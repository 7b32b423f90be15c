// What the application sees while online-alter runs, and the operator's
// controls: clients get no errors and no long stalls, the pause and postpone
// files hold the tool where they say, and an overloaded server or a long
// transaction makes it give up cleanly. Every table is checked against the
// clients' own records, never against what the tool reports.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>

#include "expectations.h"
#include "migration_under_writes.h"
#include "shared_table.h"
#include "suite.h"
#include "support/flag_file.h"
#include "support/inventory.h"
#include "support/long_transaction.h"
#include "support/probe_client.h"
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

constexpr int kCutoverFailed = 6;
constexpr int kCriticalLoad = 7;
constexpr int kDeadlock = 1213;         // ER_LOCK_DEADLOCK
constexpr int kLockWaitTimeout = 1205;  // ER_LOCK_WAIT_TIMEOUT

const char kAlter[] = "ADD COLUMN added INT NOT NULL DEFAULT 42";
const char kTable[] = "orders";
const char kShadow[] = "orders_oa_new";
const char kOld[] = "_orders_old";

// Many small chunks with a pause between them: with 10,000 rows the copy
// lasts a few seconds, so the clients overlap every phase of the run.
const std::vector<std::string> kSmallChunks = {"--chunk-size", "200", "--sleep", "0.05"};

constexpr auto kToolStartup = seconds(120);  // time to reach a logged state, on a slow machine
constexpr auto kObserved = seconds(2);       // how long a held state is watched
constexpr auto kObservationStep = milliseconds(200);
constexpr auto kWritingBefore = milliseconds(500);
constexpr auto kWritingAfter = milliseconds(1000);
// A transaction that outlasts every attempt the tool makes with
// --lock-wait-timeout 1 --cutover-retries 3 (about 4 s).
constexpr auto kLongTransaction = seconds(20);
// How long a client may wait for one statement: a few lock timeouts of the
// tool (1 s each), far below kLongTransaction, which is what a client queued
// behind a DDL waiting without a limit would wait.
constexpr double kLongestStatement = 5.0;

std::vector<ProbeStats> stop_probes(std::vector<std::unique_ptr<ProbeClient>>& probes) {
  std::vector<ProbeStats> stats;
  for (auto& probe : probes) {
    probe->stop();
    stats.push_back(probe->stats());
  }
  return stats;
}

std::uint64_t rounds_of(const std::vector<std::unique_ptr<ProbeClient>>& probes) {
  std::uint64_t rounds = 0;
  for (const auto& probe : probes) rounds += probe->stats().rounds.commits;
  return rounds;
}

// Each probe: no error at all, and no statement slower than `longest` seconds.
void expect_unharmed(const std::vector<ProbeStats>& probes, double longest) {
  for (std::size_t i = 0; i < probes.size(); ++i) {
    MESSAGE("probe " << i << ": " << probes[i].summary());
    CHECK_MESSAGE(probes[i].rounds.commits > 0, "probe " << i << " never completed a round");
    CHECK_MESSAGE(probes[i].rounds.errors == 0, "probe " << i << ": " << probes[i].summary());
    CHECK_MESSAGE(probes[i].longest_seconds < longest,
                  "probe " << i << " waited " << probes[i].longest_seconds
                           << " s for one statement: " << probes[i].summary());
  }
}

// Only `table` is left, without triggers, and it holds `expected`.
void expect_alone(const SharedTable& table, const Record& expected) {
  expect_matches_record(table.spec(), table.database(), table.table(), expected);
  auto connection = connect();
  CHECK(list_tables(*connection, table.database()) == std::vector<std::string>{table.table()});
  CHECK(list_triggers(*connection, table.database()).empty());
}

// The tool exited 0 with its "done:" line, and `table` has the new column.
void expect_done(const SharedTable& table, const ToolResult& result) {
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  CHECK_MESSAGE(result.last_out_line().rfind("done:", 0) == 0, result.describe());
  auto connection = connect();
  CHECK(column_type(*connection, table.database(), table.table(), "added").has_value());
}

std::uint64_t row_count(const std::string& database, const std::string& table) {
  auto connection = connect();
  return std::stoull(
      query_value(*connection, "SELECT COUNT(*) FROM " + qualified_name(database, table))
          .value_or("0"));
}

// kAlter on `table` with --execute and `options`.
std::vector<std::string> execute_args(const SharedTable& table,
                                      const std::vector<std::string>& options) {
  std::vector<std::string> extra = {"--execute"};
  extra.insert(extra.end(), options.begin(), options.end());
  return tool_args(table.database(), table.table(), kAlter, extra);
}

// What ran while the clients worked.
struct Overlap {
  ToolResult tool;
  std::uint64_t writer_commits = 0;  // committed by the Writer while the tool ran
  std::uint64_t probe_rounds = 0;    // completed by the probes while the tool ran
};

// Runs the tool with `args` while the clients (`writer` may be null) work, and
// lets them go on for kWritingBefore before and kWritingAfter after it.
Overlap run_among_clients(const std::vector<std::string>& args, const Writer* writer,
                          const std::vector<std::unique_ptr<ProbeClient>>& probes) {
  std::this_thread::sleep_for(kWritingBefore);
  const std::uint64_t commits = writer != nullptr ? writer->stats().commits : 0;
  const std::uint64_t rounds = rounds_of(probes);
  Overlap overlap;
  overlap.tool = online_alter().run(args);
  overlap.writer_commits = (writer != nullptr ? writer->stats().commits : 0) - commits;
  overlap.probe_rounds = rounds_of(probes) - rounds;
  std::this_thread::sleep_for(kWritingAfter);
  return overlap;
}

}  // namespace

// A probe that uses its row every 50 ms: it notices a stall of the table
// within that time.
ProbeOptions every_50ms() {
  ProbeOptions options;
  options.pause = milliseconds(50);
  return options;
}

// Starts the tool with its cut-over held by `hold` and returns once it waits
// there, after the triggers and the copy: a transaction opened now meets the
// cut-over, not the trigger installation.
std::unique_ptr<ToolProcess> start_held_at_cutover(const SharedTable& table, const FlagFile& hold,
                                                   const std::string& cutover_retries) {
  auto tool = std::make_unique<ToolProcess>(
      online_alter().binary(),
      execute_args(table, {"--chunk-size", "500", "--postpone-cutover-file", hold.path(),
                           "--lock-wait-timeout", "1", "--cutover-retries", cutover_retries}));
  REQUIRE_MESSAGE(tool->wait_for_err("cut-over postponed", kToolStartup), tool->err_so_far());
  return tool;
}

TEST_CASE("clients using server-side prepared statements see no error during the whole migration") {
  ScratchDatabase database(test_server(), "oa_it_prepared");
  SharedTable table(database.name(), kTable, 10000, 2);
  Writer writer(test_server(), table.spec(), table.database(), table.table(), table.writer_rows(),
                table.writer_options(4));
  // Besides the Writer's prepared writes: prepared SELECTs, and prepared
  // UPDATEs both alone and in transactions with an INSERT and a DELETE.
  ProbeOptions alone, in_transactions;
  in_transactions.insert_and_delete = true;
  std::vector<std::unique_ptr<ProbeClient>> probes;
  probes.push_back(std::make_unique<ProbeClient>(test_server(), table.probe_target(0), alone));
  probes.push_back(
      std::make_unique<ProbeClient>(test_server(), table.probe_target(1), in_transactions));

  const Overlap overlap = run_among_clients(execute_args(table, kSmallChunks), &writer, probes);
  writer.stop();
  const std::vector<ProbeStats> probe_stats = stop_probes(probes);
  MigrationOutcome outcome{overlap.tool, writer.stats(), overlap.writer_commits,
                           table.expected(writer.record(), probe_stats)};
  expect_migrated(table.spec(), table.database(), table.table(), outcome);
  // Stricter than expect_migrated: not even a deadlock or a lock wait timeout.
  CHECK_MESSAGE(outcome.writer.errors == 0,
                "the Writer's transactions failed: " << outcome.writer.summary());
  CHECK(overlap.probe_rounds > 0);
  expect_unharmed(probe_stats, kLongestStatement);
}

TEST_CASE("clients using plain text statements see no error during the whole migration") {
  ScratchDatabase database(test_server(), "oa_it_textclients");
  SharedTable table(database.name(), kTable, 10000, 4);
  std::vector<std::unique_ptr<ProbeClient>> probes;
  for (int i = 0; i < 4; ++i) {
    ProbeOptions options;
    options.prepared = false;
    options.insert_and_delete = i % 2 == 1;
    probes.push_back(std::make_unique<ProbeClient>(test_server(), table.probe_target(i), options));
  }
  const Overlap overlap = run_among_clients(execute_args(table, kSmallChunks), nullptr, probes);
  const std::vector<ProbeStats> probe_stats = stop_probes(probes);
  expect_done(table, overlap.tool);
  expect_alone(table, table.expected(table.writer_rows(), probe_stats));
  CHECK(overlap.probe_rounds > 0);
  expect_unharmed(probe_stats, kLongestStatement);
}

TEST_CASE(
    "a long transaction holding the table delays the cut-over but never stalls other clients "
    "beyond the lock timeout") {
  ScratchDatabase database(test_server(), "oa_it_longtx");
  SharedTable table(database.name(), kTable, 3000, 1);
  ProbeClient probe(test_server(), table.probe_target(0), every_50ms());
  FlagFile hold("oa_it_longtx");
  const auto held = start_held_at_cutover(table, hold, "3");
  ToolProcess& tool = *held;

  LongTransaction reader(test_server(), table.database(), table.table());
  const auto opened = Clock::now();
  hold.remove();
  // Like a long report: it ends when it is done, whatever the tool does.
  tool.wait_for_exit(
      std::chrono::duration_cast<milliseconds>(opened + kLongTransaction - Clock::now()));
  reader.commit();
  const ToolResult result = tool.wait();
  std::this_thread::sleep_for(kWritingAfter);
  probe.stop();

  expect_error(result, kCutoverFailed, {"lock"});
  const std::vector<ProbeStats> probe_stats = {probe.stats()};
  expect_alone(table, table.expected(table.writer_rows(), probe_stats));
  auto connection = connect();
  CHECK_FALSE(column_type(*connection, table.database(), table.table(), "added").has_value());
  expect_unharmed(probe_stats, kLongestStatement);
}

TEST_CASE("a long transaction that ends while the cut-over retries: the swap waits for it") {
  ScratchDatabase database(test_server(), "oa_it_longtx_ends");
  SharedTable table(database.name(), kTable, 3000, 1);
  Writer writer(test_server(), table.spec(), table.database(), table.table(), table.writer_rows(),
                table.writer_options(4));
  ProbeClient probe(test_server(), table.probe_target(0), every_50ms());
  FlagFile hold("oa_it_longtx_ends");
  const std::uint64_t commits_before = writer.stats().commits;
  const auto held = start_held_at_cutover(table, hold, "20");
  ToolProcess& tool = *held;

  LongTransaction reader(test_server(), table.database(), table.table());
  hold.remove();
  CHECK_MESSAGE(!tool.wait_for_exit(seconds(3)),
                "the tool finished while a transaction held the table:\n"
                    << tool.wait().describe());
  reader.commit();
  MigrationOutcome outcome;
  outcome.tool = tool.wait();
  outcome.commits_during_tool = writer.stats().commits - commits_before;
  std::this_thread::sleep_for(kWritingAfter);
  writer.stop();
  probe.stop();
  outcome.writer = writer.stats();
  const std::vector<ProbeStats> probe_stats = {probe.stats()};
  outcome.record = table.expected(writer.record(), probe_stats);
  expect_migrated(table.spec(), table.database(), table.table(), outcome);
  expect_unharmed(probe_stats, kLongestStatement);
}

TEST_CASE("--pause-file pauses the copy") {
  ScratchDatabase database(test_server(), "oa_it_pause");
  SharedTable table(database.name(), kTable, 4000, 0);
  FlagFile pause("oa_it_pause");
  ToolProcess tool(online_alter().binary(),
                   execute_args(table, {"--chunk-size", "200", "--pause-file", pause.path()}));
  REQUIRE_MESSAGE(tool.wait_for_err("copy paused", kToolStartup), tool.err_so_far());
  {
    auto connection = connect();
    const std::vector<std::string> tables = list_tables(*connection, table.database());
    CHECK(std::count(tables.begin(), tables.end(), kShadow) == 1);
    CHECK_FALSE(list_triggers(*connection, table.database()).empty());
  }
  // Nobody writes, so only the copy could add rows to the shadow.
  const std::uint64_t paused_at = row_count(table.database(), kShadow);
  for (auto until = Clock::now() + kObserved; Clock::now() < until;) {
    std::this_thread::sleep_for(kObservationStep);
    const std::uint64_t now = row_count(table.database(), kShadow);
    CHECK_MESSAGE(now == paused_at,
                  "the shadow grew from " << paused_at << " to " << now << " rows while paused");
    if (now != paused_at) break;
  }
  CHECK(paused_at < table.writer_rows().size());
  CHECK_FALSE(tool.finished());

  pause.remove();
  const ToolResult result = tool.wait();
  expect_done(table, result);
  expect_alone(table, table.writer_rows());
}

TEST_CASE("--postpone-cutover-file holds the swap until the file is removed") {
  ScratchDatabase database(test_server(), "oa_it_postpone");
  SharedTable table(database.name(), kTable, 6000, 0);
  Writer writer(test_server(), table.spec(), table.database(), table.table(), table.writer_rows(),
                table.writer_options(4));
  REQUIRE(writer.wait_for_commits(50, seconds(30)));
  FlagFile hold("oa_it_postpone");
  const std::uint64_t commits_before = writer.stats().commits;
  ToolProcess tool(
      online_alter().binary(),
      execute_args(table, {"--chunk-size", "500", "--postpone-cutover-file", hold.path()}));
  REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", kToolStartup), tool.err_so_far());

  const std::uint64_t commits_postponed = writer.stats().commits;
  for (auto until = Clock::now() + kObserved; Clock::now() < until;) {
    std::this_thread::sleep_for(kObservationStep);
    auto connection = connect();
    const std::vector<std::string> tables = list_tables(*connection, table.database());
    const bool held = std::count(tables.begin(), tables.end(), kOld) == 0 &&
                      std::count(tables.begin(), tables.end(), kShadow) == 1 &&
                      !list_triggers(*connection, table.database()).empty() && !tool.finished();
    CHECK_MESSAGE(held, "the swap went ahead while the postpone file existed:\n"
                            << tool.err_so_far());
    if (!held) break;
  }
  CHECK_MESSAGE(writer.stats().commits > commits_postponed,
                "the Writer committed nothing while the swap was postponed");

  hold.remove();
  MigrationOutcome outcome;
  outcome.tool = tool.wait();
  outcome.commits_during_tool = writer.stats().commits - commits_before;
  std::this_thread::sleep_for(kWritingAfter);
  writer.stop();
  outcome.writer = writer.stats();
  outcome.record = writer.record();
  expect_migrated(table.spec(), table.database(), table.table(), outcome);
}

TEST_CASE("--critical-load aborts cleanly") {
  ScratchDatabase database(test_server(), "oa_it_critical");
  SharedTable table(database.name(), kTable, 10000, 0);
  Writer writer(test_server(), table.spec(), table.database(), table.table(), table.writer_rows(),
                table.writer_options(4));
  // Four busy writers keep Threads_running above 1 (the tool's own query)
  // most of the time.
  const Overlap overlap =
      run_among_clients(execute_args(table, {"--critical-load", "Threads_running=1", "--chunk-size",
                                             "100", "--sleep", "0.01"}),
                        &writer, {});
  writer.stop();
  expect_error(overlap.tool, kCriticalLoad, {"Threads_running"});
  expect_alone(table, writer.record());
  auto connection = connect();
  CHECK_FALSE(column_type(*connection, table.database(), table.table(), "added").has_value());
  const WriterStats stats = writer.stats();
  MESSAGE("writer: " << stats.summary());
  CHECK(overlap.writer_commits > 0);
  CHECK(stats.errors_except({kDeadlock, kLockWaitTimeout}) == 0);
}

}  // namespace oa::test
