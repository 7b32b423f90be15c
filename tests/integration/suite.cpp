#include "suite.h"

#include <cppconn/connection.h>

#include "support/sql_text.h"

namespace oa::test {

const TestServer& test_server() {
  static const TestServer server = TestServer::from_environment();
  return server;
}

std::unique_ptr<sql::Connection> connect() { return test_server().connect(); }

const ToolRun& online_alter() {
  static const ToolRun tool(ToolRun::binary_from_environment());
  return tool;
}

std::vector<std::string> tool_args(const std::string& database, const std::string& table,
                                   const std::string& alter,
                                   const std::vector<std::string>& extra) {
  std::vector<std::string> args = test_server().tool_connection_args();
  args.insert(args.end(), {"--database", database, "--table", table, "--alter", alter});
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

bool contains_ignoring_case(const std::string& text, const std::string& word) {
  return ascii_lower(text).find(ascii_lower(word)) != std::string::npos;
}

}  // namespace oa::test
