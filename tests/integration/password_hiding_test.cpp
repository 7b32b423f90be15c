// A password given on the command line (--password, or p= in a DSN) must not
// be readable in the process list while the tool runs, nor in what it prints.
#include <cppconn/connection.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "expectations.h"
#include "suite.h"
#include "support/flag_file.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/text_query.h"
#include "support/tool_process.h"
#include "test_account.h"

namespace oa::test {
namespace {

constexpr auto kToolStartup = std::chrono::seconds(120);

// The command line of a running process as `ps` shows it: its arguments,
// separated by spaces.
std::string process_list_entry(pid_t pid) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/cmdline", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  for (char& c : text) {
    if (c == '\0') c = ' ';
  }
  return text;
}

// A password no other text of the test contains by chance.
std::string unique_secret() {
  std::random_device random;
  return "SECRET-" + std::to_string(random()) + "-" + std::to_string(getpid());
}

// Runs the tool with `args` held before its swap, reads its process list entry
// there, lets it finish, and checks `secret` appears nowhere.
void expect_hidden(const std::vector<std::string>& args, const std::string& secret) {
  FlagFile hold("oa_it_password");
  std::vector<std::string> held = args;
  held.insert(held.end(), {"--execute", "--postpone-cutover-file", hold.path()});
  ToolProcess tool(online_alter().binary(), held);
  REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", kToolStartup), tool.err_so_far());
  const std::string entry = process_list_entry(tool.pid());
  // The entry is the tool's (its binary first), whatever the binary is named.
  CHECK_MESSAGE(entry.rfind(online_alter().binary(), 0) == 0, entry);
  CHECK_MESSAGE(entry.find(secret) == std::string::npos, entry);
  CHECK_MESSAGE(entry.find("******") != std::string::npos, entry);
  hold.remove();
  const ToolResult result = tool.wait();
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  CHECK(result.out.find(secret) == std::string::npos);
  CHECK(result.err.find(secret) == std::string::npos);
}

}  // namespace

TEST_CASE("a password from --password or a DSN's p= is absent from the process list and output") {
  ScratchDatabase database(test_server(), "oa_it_password");
  create_items(database.name(), 2000);
  const std::string secret = unique_secret();
  TestAccount account("oa_it_password", secret);
  account.grant_on_database("ALL", database.name());

  SUBCASE("--password") {
    std::vector<std::string> args = account.tool_connection_args();
    args.insert(args.end(), {"--password", secret, "--database", database.name(), "--table",
                             "items", "--alter", "ADD COLUMN a INT", "--chunk-size", "500"});
    expect_hidden(args, secret);
  }
  SUBCASE("p= in a DSN") {
    const std::string dsn = "h=" + test_server().host() +
                            ",P=" + std::to_string(test_server().port()) + ",u=" + account.name() +
                            ",p=" + secret + ",D=" + database.name() + ",t=items";
    expect_hidden({dsn, "--alter", "ADD COLUMN b INT", "--chunk-size", "500"}, secret);
  }
}

}  // namespace oa::test
