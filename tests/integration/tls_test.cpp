// TLS: every session of a run uses --ssl-mode and the certificate files.
// scripts/lib.sh starts the server with a certificate signed by a throwaway
// authority, exported as OA_SSL_CA.
#include <cppconn/connection.h>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
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

// The CA of the test server's certificate, or "" when the server was not
// started by scripts/lib.sh.
std::string server_ca() {
  const char* ca = std::getenv("OA_SSL_CA");
  return ca != nullptr ? ca : "";
}

std::vector<std::string> args_for(const TestAccount& account, const std::string& database,
                                  const std::string& alter, const std::vector<std::string>& extra) {
  std::vector<std::string> args = account.tool_connection_args();
  args.insert(args.end(), {"--database", database, "--table", "items", "--alter", alter});
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

}  // namespace

TEST_CASE("an account created REQUIRE SSL runs with --ssl-mode REQUIRED or VERIFY_CA only") {
  const std::string ca = server_ca();
  if (ca.empty()) {
    MESSAGE("OA_SSL_CA is not set: the server was not started by scripts/lib.sh; skipped");
    return;
  }
  ScratchDatabase database(test_server(), "oa_it_tls");
  create_items(database.name(), 3000);
  // The same password as the test user's: MYSQL_PWD carries it to the tool.
  TestAccount account("oa_it_tls", environment_password(), "REQUIRE SSL");
  account.grant_on_database("ALL", database.name());

  SUBCASE("DISABLED is refused by the server: exit status 3, nothing changed") {
    const DatabaseSnapshot before = snapshot_database(database.name());
    const ToolResult result = online_alter().run(args_for(
        account, database.name(), "ADD COLUMN a INT", {"--execute", "--ssl-mode", "DISABLED"}));
    expect_error(result, 3, {"REQUIRE SSL"});
    expect_unchanged(database.name(), before);
  }
  SUBCASE("REQUIRED with the CA: a dry run passes") {
    const ToolResult result =
        online_alter().run(args_for(account, database.name(), "ADD COLUMN a INT",
                                    {"--dry-run", "--ssl-mode", "REQUIRED", "--ssl-ca", ca}));
    CHECK_MESSAGE(result.exit_code == 0, result.describe());
    CHECK(result.out.find("Dry run passed") != std::string::npos);
  }
  SUBCASE("VERIFY_CA with the right CA: a migration completes (every session uses TLS)") {
    const ToolResult result = online_alter().run(
        args_for(account, database.name(), "ADD COLUMN a INT NOT NULL DEFAULT 7",
                 {"--execute", "--chunk-size", "500", "--ssl-mode", "VERIFY_CA", "--ssl-ca", ca}));
    CHECK_MESSAGE(result.exit_code == 0, result.describe());
    auto c = connect();
    CHECK(query_value(*c, "SELECT COUNT(*) FROM " + qualified_name(database.name(), "items") +
                              " WHERE a = 7") == Value("3000"));
    CHECK(list_tables(*c, database.name()) == std::vector<std::string>{"items"});
  }
  SUBCASE("VERIFY_CA with a certificate that did not sign the server's: exit status 3") {
    // The server's own certificate is no authority: the chain does not verify.
    const std::string not_the_ca = ca.substr(0, ca.rfind('/')) + "/server-cert.pem";
    const DatabaseSnapshot before = snapshot_database(database.name());
    const ToolResult result = online_alter().run(
        args_for(account, database.name(), "ADD COLUMN a INT",
                 {"--execute", "--ssl-mode", "VERIFY_CA", "--ssl-ca", not_the_ca}));
    expect_error(result, 3, {"--ssl-ca"});
    expect_unchanged(database.name(), before);
  }
}

TEST_CASE("--ask-pass without a terminal is a usage error") {
  const int tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (tty >= 0) {
    close(tty);
    MESSAGE("this test runs with a terminal, where --ask-pass would prompt; skipped");
    return;
  }
  const ToolResult result = online_alter().run(
      tool_args("any_database", "any_table", "ADD COLUMN a INT", {"--ask-pass"}));
  expect_error(result, 2, {"terminal"});
}

}  // namespace oa::test
