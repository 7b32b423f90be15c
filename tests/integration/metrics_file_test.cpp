// --metrics-file: a Prometheus text file that a dashboard reads while the run
// goes on, and that records how it ended.
#include <cppconn/connection.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "expectations.h"
#include "suite.h"
#include "support/flag_file.h"
#include "support/scratch_database.h"
#include "support/table_fill.h"
#include "support/tool_process.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The value of the sample line that starts with `series` ("name{labels}").
std::string sample(const std::string& text, const std::string& series) {
  const auto at = text.find("\n" + series + " ");
  if (at == std::string::npos) return "";
  const auto start = at + series.size() + 2;
  return text.substr(start, text.find('\n', start) - start);
}

}  // namespace

TEST_CASE("--metrics-file shows the phase and the rows while the run waits, then its exit code") {
  ScratchDatabase database(test_server(), "oa_it_metrics");
  {
    auto connection = connect();
    create_table(*connection, integer_key_shape(), database.name(), "orders");
    fill_table(*connection, integer_key_shape(), database.name(), "orders", 3000);
  }
  const std::string metrics = "/tmp/oa_it_metrics_" + std::to_string(getpid()) + ".prom";
  FlagFile hold("oa_it_metrics");
  ToolProcess tool(online_alter().binary(),
                   tool_args(database.name(), "orders", "ADD COLUMN note INT",
                             {"--execute", "--chunk-size", "500", "--postpone-cutover-file",
                              hold.path(), "--metrics-file", metrics}));
  REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", std::chrono::seconds(120)),
                  tool.err_so_far());
  const std::string labels = "{database=\"" + database.name() + "\",table=\"orders\"";
  // Rewritten every 2 s: within 5 s it shows the postponement.
  std::string during;
  for (int i = 0; i < 50; ++i) {
    during = read_file(metrics);
    if (sample(during, "online_alter_phase" + labels + ",phase=\"postponed\"}") == "1") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  CHECK_MESSAGE(sample(during, "online_alter_phase" + labels + ",phase=\"postponed\"}") == "1",
                during);
  CHECK(sample(during, "online_alter_phase" + labels + ",phase=\"copy\"}") == "0");
  CHECK(sample(during, "online_alter_rows_copied" + labels + "}") == "3000");
  // 3000 rows in chunks of 500, and the range after the last key.
  CHECK(std::stoi("0" + sample(during, "online_alter_chunks_total" + labels + "}")) >= 6);
  CHECK(during.find("online_alter_exit_code") == std::string::npos);

  hold.remove();
  const ToolResult result = tool.wait();
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  const std::string after = read_file(metrics);
  CHECK(sample(after, "online_alter_exit_code" + labels + "}") == "0");
  CHECK(sample(after, "online_alter_phase" + labels + ",phase=\"done\"}") == "1");
  std::remove(metrics.c_str());
}

TEST_CASE("--metrics-file in a directory that does not exist is a usage error") {
  ScratchDatabase database(test_server(), "oa_it_metrics_bad");
  {
    auto connection = connect();
    create_table(*connection, integer_key_shape(), database.name(), "orders");
    fill_table(*connection, integer_key_shape(), database.name(), "orders", 100);
  }
  const DatabaseSnapshot before = snapshot_database(database.name());
  const ToolResult result = online_alter().run(
      tool_args(database.name(), "orders", "ADD COLUMN note INT",
                {"--execute", "--metrics-file", "/nonexistent-dir/online-alter.prom"}));
  expect_error(result, 2, {"--metrics-file"});
  expect_unchanged(database.name(), before);
}

}  // namespace oa::test
