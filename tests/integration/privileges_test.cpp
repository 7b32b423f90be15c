// sql/grants.sql is the whole truth about privileges: an account with exactly
// its grants migrates a table, and one without TRIGGER is refused before
// anything is created.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "expectations.h"
#include "suite.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/text_query.h"
#include "test_account.h"

namespace oa::test {
namespace {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// The statements of sql/grants.sql, comments removed, with `database` for
// app_db and the test user's password for change-me; SHOW statements left out.
std::vector<std::string> grants_file_statements(const std::string& database) {
  std::ifstream file(OA_GRANTS_SQL);
  REQUIRE_MESSAGE(file, "cannot read " << OA_GRANTS_SQL);
  std::string text;
  for (std::string line; std::getline(file, line);) text += line.substr(0, line.find("--")) + "\n";
  auto replace = [&](const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  };
  replace("`app_db`", quote_identifier(database));
  replace("'change-me'", "'" + environment_password() + "'");
  std::vector<std::string> statements;
  std::stringstream in(text);
  for (std::string statement; std::getline(in, statement, ';');) {
    statement = trim(statement);
    if (!statement.empty() && statement.rfind("SHOW", 0) != 0) statements.push_back(statement);
  }
  return statements;
}

}  // namespace

TEST_CASE("the grants of sql/grants.sql suffice; without TRIGGER a run is refused up front") {
  ScratchDatabase database(test_server(), "oa_it_grants");
  create_items(database.name(), 2000);
  // The file's account; created here so that it is dropped at the end.
  TestAccount account("online_alter", environment_password());
  const std::vector<std::string> statements = grants_file_statements(database.name());
  REQUIRE(statements.size() >= 2);  // CREATE USER, GRANT
  {
    auto c = connect();
    for (const std::string& statement : statements) execute_sql(*c, statement);
  }
  std::vector<std::string> args = account.tool_connection_args();
  args.insert(args.end(), {"--database", database.name(), "--table", "items", "--alter",
                           "ADD COLUMN a INT NOT NULL DEFAULT 5, ADD INDEX (v)", "--execute",
                           "--chunk-size", "500"});

  SUBCASE("every grant but TRIGGER: refused with status 4, naming TRIGGER; nothing changed") {
    {
      auto c = connect();
      execute_sql(*c, "REVOKE TRIGGER ON " + quote_identifier(database.name()) + ".* FROM " +
                          account.account());
    }
    const DatabaseSnapshot before = snapshot_database(database.name());
    const ToolResult result = online_alter().run(args);
    expect_error(result, 4, {"TRIGGER"});
    CHECK_MESSAGE(result.err.find("sql/grants.sql") != std::string::npos, result.describe());
    expect_unchanged(database.name(), before);
  }
  SUBCASE("exactly the file's grants: the migration completes") {
    const ToolResult result = online_alter().run(args);
    CHECK_MESSAGE(result.exit_code == 0, result.describe());
    auto c = connect();
    CHECK(list_tables(*c, database.name()) == std::vector<std::string>{"items"});
    CHECK(list_triggers(*c, database.name()).empty());
    CHECK(query_value(*c, "SELECT COUNT(*) FROM " + qualified_name(database.name(), "items") +
                              " WHERE a = 5") == Value("2000"));
  }
}

}  // namespace oa::test
