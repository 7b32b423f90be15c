// The run history: every --dry-run and --execute run is a row of
// --history-table, read back here with SQL of the test's own; `online-alter
// history` lists them newest first; --no-history records nothing; a history
// table the user may not create costs a warning, never the run's outcome.
#include <cppconn/connection.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "expectations.h"
#include "suite.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/table_fill.h"
#include "support/text_query.h"
#include "support/tool_run.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

constexpr int kRefused = 4;
constexpr std::uint64_t kRows = 2000;
const char kAlter[] = "ADD COLUMN added INT NOT NULL DEFAULT 42";
const char kTable[] = "orders";

void create_filled(const std::string& database, const std::string& table) {
  auto connection = connect();
  create_table(*connection, integer_key_shape(), database, table);
  fill_table(*connection, integer_key_shape(), database, table, kRows);
}

bool has(const std::optional<std::string>& value, const std::string& part) {
  return value && value->find(part) != std::string::npos;
}

ToolResult history(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"history"};
  for (const std::string& a : test_server().tool_connection_args()) args.push_back(a);
  args.insert(args.end(), extra.begin(), extra.end());
  return online_alter().run(args);
}

// An account that can use only the schemas MariaDB's PUBLIC role opens to
// everyone (test_%), with the test's password; dropped at the end.
class LimitedAccount {
 public:
  LimitedAccount() : name_("oa_limited_" + std::to_string(::getpid())) {
    const char* pwd = std::getenv("MYSQL_PWD");
    auto connection = connect();
    // 'localhost' as well: an anonymous ''@'localhost' would match first.
    for (const char* host : {"localhost", "127.0.0.1"}) {
      execute_sql(*connection, "CREATE USER '" + name_ + "'@'" + host + "' IDENTIFIED BY '" +
                                   std::string(pwd == nullptr ? "" : pwd) + "'");
    }
  }
  ~LimitedAccount() {
    auto connection = connect();
    for (const char* host : {"localhost", "127.0.0.1"}) {
      execute_sql(*connection, "DROP USER IF EXISTS '" + name_ + "'@'" + host + "'");
    }
  }
  LimitedAccount(const LimitedAccount&) = delete;
  LimitedAccount& operator=(const LimitedAccount&) = delete;
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

}  // namespace

TEST_CASE("history: a finished and a refused run are recorded and listed newest first") {
  ScratchDatabase database(test_server(), "oa_it_history");
  create_filled(database.name(), kTable);
  const std::string where = database.name() + ".runs";
  const ToolResult done = online_alter().run(
      tool_args(database.name(), kTable, kAlter, {"--execute", "--history-table", where}));
  REQUIRE_MESSAGE(done.exit_code == 0, done.describe());
  const ToolResult refused = online_alter().run(
      tool_args(database.name(), "missing", kAlter, {"--dry-run", "--history-table", where}));
  REQUIRE_MESSAGE(refused.exit_code == kRefused, refused.describe());

  auto connection = connect();
  const auto rows = query_rows(
      *connection,
      "SELECT `mode`, `database_name`, `table_name`, `outcome`, `exit_code`, `alter_text`, "
      "`error_text`, `rows_copied`, `phase_seconds`, `summary`, `started_at` <= `ended_at`, "
      "`db_user` = CURRENT_USER(), `os_user` <> '', `client_host` <> '', `tool_version` <> '' "
      "FROM `" +
          database.name() + "`.`runs` ORDER BY `id`");
  REQUIRE(rows.size() == 2);
  const auto& ok = rows[0];
  CHECK(ok[0] == "execute");
  CHECK(ok[1] == database.name());
  CHECK(ok[2] == kTable);
  CHECK(ok[3] == "ok");
  CHECK(ok[4] == "0");
  CHECK(ok[5] == kAlter);
  CHECK_FALSE(ok[6].has_value());
  CHECK(ok[7] == std::to_string(kRows));
  for (const char* phase : {"\"preflight\":", "\"copy\":", "\"verify\":", "\"cutover\":"}) {
    CAPTURE(phase);
    CHECK(has(ok[8], phase));
  }
  CHECK(has(ok[9], "\"event\":\"summary\""));
  for (std::size_t i = 10; i < 15; ++i) CHECK(ok[i] == "1");
  const auto& no = rows[1];
  CHECK(no[0] == "dry-run");
  CHECK(no[2] == "missing");
  CHECK(no[3] == "refused");
  CHECK(no[4] == "4");
  CHECK(has(no[6], "missing"));
  CHECK(has(no[8], "\"preflight\":"));
  CHECK_FALSE(has(no[8], "\"copy\":"));

  const ToolResult listed = history({"--history-table", where});
  REQUIRE_MESSAGE(listed.exit_code == 0, listed.describe());
  const auto lines = lines_of(listed.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].rfind("ID ", 0) == 0);
  CHECK(lines[1].rfind("2 ", 0) == 0);
  CHECK(lines[1].find("refused (4)") != std::string::npos);
  CHECK(lines[1].find("dry-run") != std::string::npos);
  CHECK(lines[2].rfind("1 ", 0) == 0);
  CHECK(lines[2].find("ok (0)") != std::string::npos);
  CHECK(lines[2].find(kAlter) != std::string::npos);

  const auto json = lines_of(
      history({"--history-table", where, "--log-format", "json", "-D", database.name()}).out);
  REQUIRE(json.size() == 2);
  CHECK(json[0].rfind("{\"id\":2,", 0) == 0);
  CHECK(json[1].rfind("{\"id\":1,", 0) == 0);
  CHECK(json[1].find("\"outcome\":\"ok\"") != std::string::npos);
  const auto one = lines_of(history({"--history-table", where, "--table", kTable}).out);
  REQUIRE(one.size() == 2);
  CHECK(one[1].rfind("1 ", 0) == 0);
  CHECK(lines_of(history({"--history-table", where, "--limit", "1"}).out).size() == 2);
}

TEST_CASE("history: --no-history records nothing") {
  ScratchDatabase database(test_server(), "oa_it_nohistory");
  create_filled(database.name(), kTable);
  const ToolResult result = online_alter().run(
      tool_args(database.name(), kTable, kAlter,
                {"--dry-run", "--no-history", "--history-table", database.name() + ".runs"}));
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  auto connection = connect();
  CHECK(list_tables(*connection, database.name()) == std::vector<std::string>{kTable});
}

TEST_CASE("history: a history schema the user may not create only costs a warning") {
  // test_%: a schema the limited account may use through the PUBLIC role.
  ScratchDatabase database(test_server(), "test_oa_it_hist");
  create_filled(database.name(), kTable);
  LimitedAccount account;
  const std::string denied = "oa_it_denied_" + std::to_string(::getpid());
  const ToolResult result = online_alter().run(
      {"--host", test_server().host(), "--port", std::to_string(test_server().port()), "--user",
       account.name(), "--database", database.name(), "--table", kTable, "--alter", kAlter,
       "--dry-run", "--history-table", denied + ".runs"});
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  CHECK(result.err.find("could not record the run") != std::string::npos);
  auto connection = connect();
  CHECK_FALSE(query_value(*connection,
                          "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA "
                          "WHERE SCHEMA_NAME = '" +
                              denied + "'")
                  .has_value());
}

}  // namespace oa::test
