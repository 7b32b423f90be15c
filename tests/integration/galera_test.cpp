// The tool on a three-node Galera cluster, which scripts/test starts
// (scripts/galera.sh) and names in OA_GALERA_PORTS; the tool talks to node 1.
// --execute is refused there for now (preflight/galera_check.cpp): these
// tests check that the refusals change nothing on any node while the
// application writes to two of them.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <sstream>
#include <thread>
#include <vector>

#include "suite.h"
#include "support/inventory.h"
#include "support/record_comparison.h"
#include "support/scratch_database.h"
#include "support/table_fill.h"
#include "support/table_reader.h"
#include "support/text_query.h"
#include "support/writer.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

constexpr std::uint64_t kRows = 20000;
// The second writer's new keys start this far above the first's: each
// writer owns its rows, so the two never write the same row.
constexpr std::uint64_t kSecondWriterKeys = 10'000'000;

// The nodes, node 1 first; empty when OA_GALERA_PORTS is unset.
std::vector<TestServer> cluster_nodes() {
  std::vector<TestServer> nodes;
  const char* ports = std::getenv("OA_GALERA_PORTS");
  if (ports == nullptr) return nodes;
  const TestServer& first = test_server();
  const char* password = std::getenv("MYSQL_PWD");
  std::istringstream in(ports);
  for (int port = 0; in >> port;) {
    nodes.emplace_back(first.host(), port, first.user(), password ? password : "");
  }
  return nodes;
}

bool have_cluster(const std::vector<TestServer>& nodes) {
  if (nodes.size() >= 3) return true;
  MESSAGE(
      "skipped: the galera suite needs the cluster scripts/test starts (scripts/galera.sh "
      "oa_galera_start exports OA_GALERA_PORTS)");
  return false;
}

// A session that sees every write the cluster committed before each read.
std::unique_ptr<sql::Connection> causal_session(const TestServer& node) {
  auto c = node.connect();
  execute_sql(*c, "SET SESSION wsrep_sync_wait = 1");
  return c;
}

// Every node holds exactly `record` in `table`, and nothing else in `database`.
void check_every_node(const std::vector<TestServer>& nodes, const TableSpec& spec,
                      const std::string& database, const std::string& table, const Record& record) {
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    CAPTURE(i + 1);
    auto c = causal_session(nodes[i]);
    const Comparison comparison = compare_with_record(*c, spec, database, table, record);
    CHECK_MESSAGE(comparison.matches(), comparison.summary());
    CHECK(list_tables(*c, database) == std::vector<std::string>{table});
    CHECK(list_triggers(*c, database).empty());
  }
}

// Restores wsrep_OSU_method=TOI on node 1 however the test ends.
struct OsuMethodGuard {
  explicit OsuMethodGuard(const TestServer& node) : node_(node) {}
  ~OsuMethodGuard() {
    try {
      execute_sql(*node_.connect(), "SET GLOBAL wsrep_OSU_method = 'TOI'");
    } catch (const std::exception& e) {
      MESSAGE("could not set wsrep_OSU_method back to TOI: " << e.what());
    }
  }
  const TestServer& node_;
};

// Creates `t` through `node`, fills it with `rows` rows and returns them.
Record create_filled(const TestServer& node, const TableSpec& spec, const std::string& database,
                     std::uint64_t rows) {
  auto c = node.connect();
  create_table(*c, spec, database, "t");
  fill_table(*c, spec, database, "t", rows);
  return load_record(*c, spec, database, "t");
}

}  // namespace

TEST_SUITE("galera") {
  TEST_CASE(
      "with writes on two nodes, --execute is refused and every node keeps the writers' rows") {
    const auto nodes = cluster_nodes();
    if (!have_cluster(nodes)) return;
    ScratchDatabase database(nodes[0], "oa_it_galera");
    const TableSpec spec = integer_key_shape();
    const Record initial = create_filled(nodes[0], spec, database.name(), kRows);
    // Each writer owns every other row of the table.
    Record first_half, second_half;
    bool first = true;
    for (const auto& [key, row] : initial.rows()) {
      (first ? first_half : second_half).put(key, row);
      first = !first;
    }
    causal_session(nodes[1]);  // node 2 has the table before its writer starts
    WriterOptions on_first{2, 150, kRows, 1};
    WriterOptions on_second{2, 150, kRows + kSecondWriterKeys, 2};
    Writer writer1(nodes[0], spec, database.name(), "t", std::move(first_half), on_first);
    Writer writer2(nodes[1], spec, database.name(), "t", std::move(second_half), on_second);
    REQUIRE(writer1.wait_for_commits(20, std::chrono::seconds(30)));
    REQUIRE(writer2.wait_for_commits(20, std::chrono::seconds(30)));

    const ToolResult plan = online_alter().run(tool_args(database.name(), "t", "ADD COLUMN n INT"));
    CHECK_MESSAGE(plan.out.find("Galera cluster of 3 nodes, DDL by TOI") != std::string::npos,
                  plan.describe());
    const ToolResult dry_run =
        online_alter().run(tool_args(database.name(), "t", "ADD COLUMN n INT", {"--dry-run"}));
    CHECK_MESSAGE(dry_run.exit_code == 0, dry_run.describe());
    const ToolResult result = online_alter().run(tool_args(
        database.name(), "t", "ADD COLUMN note VARCHAR(20) NOT NULL DEFAULT 'x'", {"--execute"}));
    REQUIRE(writer2.wait_for_commits(writer2.stats().commits + 20, std::chrono::seconds(30)));
    writer1.stop();
    writer2.stop();
    CHECK_MESSAGE(result.exit_code == 4, result.describe());
    CHECK(result.err.find("not supported on Galera yet") != std::string::npos);
    MESSAGE("errors of the writers (lost certification included, never recorded): "
            << writer1.stats().errors << " and " << writer2.stats().errors);
    Record expected = writer1.record();
    expected.merge(writer2.record());
    check_every_node(nodes, spec, database.name(), "t", expected);
  }

  TEST_CASE("an RSU session is refused and nothing is created on any node") {
    const auto nodes = cluster_nodes();
    if (!have_cluster(nodes)) return;
    ScratchDatabase database(nodes[0], "oa_it_galera_rsu");
    const TableSpec spec = integer_key_shape();
    const Record initial = create_filled(nodes[0], spec, database.name(), 100);
    ToolResult result;
    {
      // The tool's sessions take the global value when they connect.
      OsuMethodGuard guard(nodes[0]);
      execute_sql(*nodes[0].connect(), "SET GLOBAL wsrep_OSU_method = 'RSU'");
      result =
          online_alter().run(tool_args(database.name(), "t", "ADD COLUMN note INT", {"--execute"}));
    }
    CHECK_MESSAGE(result.exit_code == 4, result.describe());
    CHECK(result.err.find("wsrep_OSU_method=RSU") != std::string::npos);
    CHECK(result.err.find("wsrep_OSU_method=TOI") != std::string::npos);
    check_every_node(nodes, spec, database.name(), "t", initial);
  }
}

}  // namespace oa::test
