// A primary with a row-based replica (scripts/lib.sh oa_replica_start): the
// copy and the cut-over wait for a replica that stops applying, the replica
// ends with what the application committed, and the tool finds, names and
// refuses what it should. Needs OA_REPLICA_PORT; scripts/test starts the pair.
#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "expectations.h"
#include "suite.h"
#include "support/flag_file.h"
#include "support/inventory.h"
#include "support/record_comparison.h"
#include "support/scratch_database.h"
#include "support/table_fill.h"
#include "support/table_reader.h"
#include "support/tool_process.h"
#include "support/writer.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

constexpr std::uint64_t kRows = 8000;

// The replica of test_server(), or nullptr (with a message) when none runs.
std::unique_ptr<TestServer> replica_server() {
  const char* port = std::getenv("OA_REPLICA_PORT");
  if (port == nullptr || *port == '\0') {
    MESSAGE(
        "skipped: no replica (OA_REPLICA_PORT is unset; scripts/test starts a primary with "
        "a replica for this suite)");
    return nullptr;
  }
  const char* password = std::getenv("MYSQL_PWD");
  return std::make_unique<TestServer>(test_server().host(), std::atoi(port), test_server().user(),
                                      password ? password : "");
}

std::string single_value(sql::Connection& c, const std::string& query) {
  std::unique_ptr<sql::Statement> st(c.createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery(query));
  return rs->next() ? std::string(rs->getString(1)) : "";
}

void run(sql::Connection& c, const std::string& statement) {
  std::unique_ptr<sql::Statement> st(c.createStatement());
  st->execute(statement);
}

// Waits until the replica has applied everything the primary has logged.
void wait_for_replica(sql::Connection& replica) {
  auto primary = connect();
  const std::string position = single_value(*primary, "SELECT @@gtid_binlog_pos");
  REQUIRE_MESSAGE(single_value(replica, "SELECT MASTER_GTID_WAIT('" + position + "', 60)") == "0",
                  "the replica did not reach " << position << " within 60 s");
}

std::size_t occurrences(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
  return n;
}

// Waits until the tool's stderr holds `word` `n` times.
bool wait_for_count(const ToolProcess& tool, const std::string& word, std::size_t n) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (occurrences(tool.err_so_far(), word) < n) {
    if (tool.finished() || std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

// Creates `orders` of `spec` on the primary and fills it with `rows` rows.
void create_orders(const TableSpec& spec, const std::string& database, std::uint64_t rows) {
  auto primary = connect();
  create_table(*primary, spec, database, "orders");
  fill_table(*primary, spec, database, "orders", rows);
}

// A Writer on the primary's `orders` (kRows rows), two threads as fast as
// they go, once it has committed.
std::unique_ptr<Writer> start_writer(const TableSpec& spec, const std::string& database) {
  auto primary = connect();
  WriterOptions options = full_speed().writer;
  options.threads = 2;
  options.first_new_n = kRows;
  auto writer = std::make_unique<Writer>(test_server(), spec, database, "orders",
                                         load_record(*primary, spec, database, "orders"), options);
  REQUIRE(writer->wait_for_commits(50, std::chrono::seconds(30)));
  return writer;
}

// Copies in small chunks, reading the replicas five times a second.
std::vector<std::string> slow_copy(std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"--execute", "--chunk-size",     "200", "--sleep",
                                   "0.05",      "--check-interval", "0.2"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

// Waits for the replica to catch up, then checks that its `orders` is `record`.
void expect_replica_matches(sql::Connection& replica, const TableSpec& spec,
                            const std::string& database, const Record& record) {
  wait_for_replica(replica);
  ComparisonOptions compare;
  compare.show_values = true;
  const Comparison on_replica =
      compare_with_record(replica, spec, database, "orders", record, compare);
  CHECK_MESSAGE(on_replica.matches(), "replica: " << on_replica.summary());
}

std::string file_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_SUITE("replication") {
  TEST_CASE("a replica that stops applying pauses the copy and holds the cut-over; it ends equal") {
    auto replica_at = replica_server();
    if (!replica_at) return;
    auto replica = replica_at->connect();
    ScratchDatabase database(test_server(), "oa_it_replica");
    const TableSpec spec = integer_key_shape();
    create_orders(spec, database.name(), kRows);
    auto writer = start_writer(spec, database.name());

    FlagFile hold("oa_it_replica_hold");
    const std::string metrics = "/tmp/oa_it_replica_" + std::to_string(::getpid()) + ".prom";
    ToolProcess tool(
        online_alter().binary(),
        tool_args(database.name(), "orders", "ADD COLUMN note INT",
                  slow_copy({"--postpone-cutover-file", hold.path(), "--metrics-file", metrics})));
    REQUIRE_MESSAGE(tool.wait_for_err("installed capture triggers", std::chrono::seconds(120)),
                    tool.err_so_far());
    CHECK(tool.err_so_far().find("found by SHOW SLAVE HOSTS") != std::string::npos);

    // Mid-copy: the copy pauses for as long as the replica does not apply.
    run(*replica, "STOP SLAVE SQL_THREAD");
    REQUIRE_MESSAGE(tool.wait_for_err("copy paused: replica", std::chrono::seconds(60)),
                    tool.err_so_far());
    CHECK(tool.err_so_far().find("its SQL thread is stopped") != std::string::npos);
    std::this_thread::sleep_for(std::chrono::seconds(3));
    CHECK(tool.err_so_far().find("copy resumed") == std::string::npos);
    CHECK(tool.err_so_far().find("copy finished") == std::string::npos);
    CHECK(file_text(metrics).find("online_alter_throttled{") != std::string::npos);
    run(*replica, "START SLAVE SQL_THREAD");
    REQUIRE_MESSAGE(tool.wait_for_err("copy resumed", std::chrono::seconds(60)), tool.err_so_far());

    // Before the swap: the cut-over waits for the replica too.
    REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", std::chrono::seconds(180)),
                    tool.err_so_far());
    run(*replica, "STOP SLAVE SQL_THREAD");
    REQUIRE_MESSAGE(wait_for_count(tool, "its SQL thread is stopped;", 2), tool.err_so_far());
    hold.remove();
    REQUIRE_MESSAGE(tool.wait_for_err("cut-over waits: replica", std::chrono::seconds(60)),
                    tool.err_so_far());
    std::this_thread::sleep_for(std::chrono::seconds(2));
    CHECK_FALSE(tool.finished());
    CHECK(tool.err_so_far().find("swapped:") == std::string::npos);
    CHECK(file_text(metrics).find("online_alter_replica_lag_seconds{") != std::string::npos);
    run(*replica, "START SLAVE SQL_THREAD");
    const ToolResult result = tool.wait();
    writer->stop();
    std::remove(metrics.c_str());

    CHECK_MESSAGE(result.exit_code == 0, result.describe());
    expect_writer_succeeded(writer->stats());
    const Record record = writer->record();
    expect_matches_record(spec, database.name(), "orders", record);
    CHECK(list_tables(*connect(), database.name()) == std::vector<std::string>{"orders"});
    // The replica applied the copy, the triggers' writes and the swap.
    expect_replica_matches(*replica, spec, database.name(), record);
    CHECK(list_tables(*replica, database.name()) == std::vector<std::string>{"orders"});
    CHECK(list_triggers(*replica, database.name()).empty());
    CHECK(single_value(*replica,
                       "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE "
                       "TABLE_SCHEMA = '" +
                           database.name() +
                           "' AND TABLE_NAME = 'orders' AND COLUMN_NAME = 'note'") == "1");
  }

  TEST_CASE("a replica that goes down mid-copy is never taken as in sync: the copy waits for it") {
    auto replica_at = replica_server();
    if (!replica_at) return;
    const char* replica_dir = std::getenv("OA_REPLICA_DIR");
    REQUIRE_MESSAGE(replica_dir != nullptr, "OA_REPLICA_DIR is unset: cannot restart the replica");
    ScratchDatabase database(test_server(), "oa_it_replica_down");
    const TableSpec spec = integer_key_shape();
    create_orders(spec, database.name(), kRows);
    auto writer = start_writer(spec, database.name());

    ToolProcess tool(online_alter().binary(),
                     tool_args(database.name(), "orders", "ADD COLUMN note INT", slow_copy()));
    REQUIRE_MESSAGE(tool.wait_for_err("installed capture triggers", std::chrono::seconds(120)),
                    tool.err_so_far());
    replica_at->shut_down();
    const bool paused = tool.wait_for_err("copy paused: replica", std::chrono::seconds(60));
    const bool unreadable = tool.err_so_far().find("it cannot be read") != std::string::npos;
    std::this_thread::sleep_for(std::chrono::seconds(2));
    const bool held = !tool.finished() &&
                      tool.err_so_far().find("copy resumed") == std::string::npos &&
                      tool.err_so_far().find("copy finished") == std::string::npos;
    // Started again before any REQUIRE: the other cases need the replica.
    replica_at->start_again(std::string(replica_dir) + "/my.cnf");
    CHECK_MESSAGE(paused, tool.err_so_far());
    CHECK(unreadable);
    CHECK(held);
    const ToolResult result = tool.wait();
    writer->stop();
    CHECK_MESSAGE(result.exit_code == 0, result.describe());
    CHECK(result.err.find("replicates again") != std::string::npos);
    expect_writer_succeeded(writer->stats());
    const Record record = writer->record();
    expect_matches_record(spec, database.name(), "orders", record);
    expect_replica_matches(*replica_at->connect(), spec, database.name(), record);
  }

  TEST_CASE("replicas are found once, named in the plan, and discovery can be turned off") {
    auto replica_at = replica_server();
    if (!replica_at) return;
    ScratchDatabase database(test_server(), "oa_it_replica_found");
    create_orders(integer_key_shape(), database.name(), 0);
    const std::string self = "127.0.0.1:" + std::to_string(replica_at->port());
    // Found by SHOW SLAVE HOSTS and named with --replica: watched once.
    const ToolResult found = online_alter().run(
        tool_args(database.name(), "orders", "ADD COLUMN note INT",
                  {"--replica", "h=127.0.0.1,P=" + std::to_string(replica_at->port())}));
    CHECK_MESSAGE(found.exit_code == 0, found.describe());
    CHECK(occurrences(found.out, self) == 1);
    CHECK(found.out.find("replicas watched, lag read from the heartbeat table") !=
          std::string::npos);
    const ToolResult off = online_alter().run(tool_args(
        database.name(), "orders", "ADD COLUMN note INT", {"--recursion-method", "none"}));
    CHECK_MESSAGE(off.exit_code == 0, off.describe());
    CHECK(off.out.find("replicas watched: none") != std::string::npos);
  }

  TEST_CASE("a replica that cannot be reached stops the run before anything is created") {
    auto replica_at = replica_server();
    if (!replica_at) return;
    ScratchDatabase database(test_server(), "oa_it_replica_gone");
    create_orders(integer_key_shape(), database.name(), 100);
    const DatabaseSnapshot before = snapshot_database(database.name());
    // Port 1 on loopback: nothing listens there.
    const ToolResult result = online_alter().run(
        tool_args(database.name(), "orders", "ADD COLUMN note INT",
                  {"--execute", "--recursion-method", "none", "--replica", "h=127.0.0.1,P=1"}));
    expect_error(result, 3, {"cannot reach replica 127.0.0.1:1", "--recursion-method none"});
    expect_unchanged(database.name(), before);
  }

  TEST_CASE("the replica itself is refused: its replicated rows would not fire the triggers") {
    auto replica_at = replica_server();
    if (!replica_at) return;
    ScratchDatabase database(test_server(), "oa_it_replica_refused");
    create_orders(integer_key_shape(), database.name(), 100);
    auto replica = replica_at->connect();
    wait_for_replica(*replica);
    std::vector<std::string> args = replica_at->tool_connection_args();
    for (const std::string& a :
         {std::string("--database"), database.name(), std::string("--table"), std::string("orders"),
          std::string("--alter"), std::string("ADD COLUMN note INT"), std::string("--execute")}) {
      args.push_back(a);
    }
    const ToolResult result = online_alter().run(args);
    expect_error(result, 4, {"replica", "--allow-on-replica"});
    CHECK(list_tables(*replica, database.name()) == std::vector<std::string>{"orders"});
    CHECK(list_triggers(*replica, database.name()).empty());
  }
}

}  // namespace oa::test
