// --control-socket: an operator pauses and resumes the copy, changes its
// settings, releases a postponed cut-over or aborts the run, while the
// application writes; the result matches what the application committed.
#include <cppconn/connection.h>
#include <doctest/doctest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <string>
#include <thread>

#include "expectations.h"
#include "jq.h"
#include "suite.h"
#include "support/flag_file.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/table_fill.h"
#include "support/table_reader.h"
#include "support/tool_process.h"
#include "support/writer.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

constexpr std::uint64_t kRows = 8000;

std::string socket_path(const std::string& label) {
  return "/tmp/" + label + "_" + std::to_string(getpid()) + ".sock";
}

// Sends `command` and returns the reply line ("" when nobody answered).
std::string ask(const std::string& path, const std::string& command) {
  const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
  std::string reply;
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) {
    const std::string line = command + "\n";
    if (write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size())) {
      char buffer[4096];
      for (ssize_t n; (n = read(fd, buffer, sizeof buffer)) > 0;) reply.append(buffer, n);
    }
  }
  close(fd);
  return reply;
}

// The `member` of the status reply, as jq prints it.
std::string status_of(const std::string& path, const std::string& member) {
  std::string value = jq("." + member, ask(path, "status"));
  if (!value.empty() && value.back() == '\n') value.pop_back();
  return value;
}

// Fills `table` and starts a Writer on it.
struct WrittenTable {
  WrittenTable(const std::string& database, const std::string& table) : spec(integer_key_shape()) {
    auto connection = connect();
    create_table(*connection, spec, database, table);
    fill_table(*connection, spec, database, table, kRows);
    WriterOptions options = full_speed().writer;
    options.first_new_n = kRows;
    writer = std::make_unique<Writer>(test_server(), spec, database, table,
                                      load_record(*connection, spec, database, table), options);
    REQUIRE(writer->wait_for_commits(50, std::chrono::seconds(30)));
  }
  TableSpec spec;
  std::unique_ptr<Writer> writer;
};

}  // namespace

TEST_CASE("control socket: pause, resume, settings and a released cut-over, under writes") {
  ScratchDatabase database(test_server(), "oa_it_control");
  WrittenTable table(database.name(), "orders");
  const std::string path = socket_path("oa_it_control");
  FlagFile hold("oa_it_control_hold");
  ToolProcess tool(online_alter().binary(),
                   tool_args(database.name(), "orders", "ADD COLUMN note INT",
                             {"--execute", "--chunk-size", "200", "--sleep", "0.05",
                              "--control-socket", path, "--postpone-cutover-file", hold.path()}));
  REQUIRE_MESSAGE(tool.wait_for_err("installed capture triggers", std::chrono::seconds(120)),
                  tool.err_so_far());
  // Only the run's owner may talk to it.
  struct stat info {};
  REQUIRE(stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);

  CHECK(jq(".ok", ask(path, "pause")) == "true\n");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (status_of(path, "throttled") != "true") {
    REQUIRE(std::chrono::steady_clock::now() < deadline);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(status_of(path, "throttle_reason") == "paused through the control socket");
  const std::string paused_at = status_of(path, "rows_copied");
  std::this_thread::sleep_for(std::chrono::seconds(1));
  CHECK(status_of(path, "rows_copied") == paused_at);
  CHECK(status_of(path, "phase") == "copy");

  CHECK(jq(".ok", ask(path, "chunk-time=0.2")) == "true\n");
  CHECK(jq(".ok", ask(path, "max-load=Threads_running=100000")) == "true\n");
  // Refused with the reason, and nothing changes.
  CHECK(jq(".ok, (.error | contains(\"chunk-time\"))", ask(path, "chunk-time=-1")) ==
        "false\ntrue\n");
  CHECK(jq(".ok, (.error | contains(\"unknown command\"))", ask(path, "faster please")) ==
        "false\ntrue\n");
  CHECK(jq(".ok", ask(path, "resume")) == "true\n");

  REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", std::chrono::seconds(120)),
                  tool.err_so_far());
  CHECK(status_of(path, "phase") == "postponed");
  CHECK(jq(".ok", ask(path, "cutover")) == "true\n");
  const ToolResult result = tool.wait();
  table.writer->stop();

  // The file is still there: the socket released the cut-over.
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  CHECK(result.err.find("cut-over released through the control socket") != std::string::npos);
  CHECK(result.err.find("max-load is now the control socket's") != std::string::npos);
  CHECK(access(path.c_str(), F_OK) != 0);
  expect_writer_succeeded(table.writer->stats());
  expect_matches_record(table.spec, database.name(), "orders", table.writer->record());
  auto connection = connect();
  CHECK(list_tables(*connection, database.name()) == std::vector<std::string>{"orders"});
  CHECK(list_triggers(*connection, database.name()).empty());
}

TEST_CASE("control socket: abort stops the run before the swap and removes what it built") {
  ScratchDatabase database(test_server(), "oa_it_control_abort");
  WrittenTable table(database.name(), "orders");
  const std::string path = socket_path("oa_it_control_abort");
  FlagFile hold("oa_it_control_abort_hold");
  ToolProcess tool(online_alter().binary(),
                   tool_args(database.name(), "orders", "ADD COLUMN note INT",
                             {"--execute", "--chunk-size", "500", "--control-socket", path,
                              "--postpone-cutover-file", hold.path()}));
  REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", std::chrono::seconds(120)),
                  tool.err_so_far());
  CHECK(jq(".ok", ask(path, "abort")) == "true\n");
  const ToolResult result = tool.wait();
  table.writer->stop();
  expect_error(result, 10, {"abort through the control socket"});
  expect_writer_succeeded(table.writer->stats());
  expect_matches_record(table.spec, database.name(), "orders", table.writer->record());
  auto connection = connect();
  CHECK(list_tables(*connection, database.name()) == std::vector<std::string>{"orders"});
  CHECK(list_triggers(*connection, database.name()).empty());
  CHECK_FALSE(column_type(*connection, database.name(), "orders", "note").has_value());
}

TEST_CASE("control socket: a path in use by a live socket is a usage error") {
  ScratchDatabase database(test_server(), "oa_it_control_taken");
  {
    auto connection = connect();
    create_table(*connection, integer_key_shape(), database.name(), "orders");
    fill_table(*connection, integer_key_shape(), database.name(), "orders", 100);
  }
  const std::string path = socket_path("oa_it_control_taken");
  FlagFile hold("oa_it_control_taken_hold");
  ToolProcess first(
      online_alter().binary(),
      tool_args(database.name(), "orders", "ADD COLUMN note INT",
                {"--execute", "--control-socket", path, "--postpone-cutover-file", hold.path()}));
  REQUIRE_MESSAGE(first.wait_for_err("cut-over postponed", std::chrono::seconds(120)),
                  first.err_so_far());
  const ToolResult second = online_alter().run(
      tool_args(database.name(), "orders", "ADD COLUMN other INT", {"--control-socket", path}));
  expect_error(second, 2, {"in use"});
  hold.remove();
  const ToolResult done = first.wait();
  CHECK_MESSAGE(done.exit_code == 0, done.describe());
}

}  // namespace oa::test
