// What every integration test shares: the server, the tool, and how to call it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "support/test_server.h"
#include "support/tool_run.h"

namespace sql {
class Connection;
}  // namespace sql

namespace oa::test {

// The server from the environment (read once).
const TestServer& test_server();

// A new connection to test_server().
std::unique_ptr<sql::Connection> connect();

// The online-alter binary (OA_BIN; see ToolRun::binary_from_environment).
const ToolRun& online_alter();

// Connection options, then --database, --table and --alter, then `extra`
// (e.g. "--execute").
std::vector<std::string> tool_args(const std::string& database, const std::string& table,
                                   const std::string& alter,
                                   const std::vector<std::string>& extra = {});

// Whether `text` contains `word`, ignoring ASCII case.
bool contains_ignoring_case(const std::string& text, const std::string& word);

}  // namespace oa::test
