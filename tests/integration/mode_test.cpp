// The modes besides --execute: --dry-run and plan-only leave the database as
// it was; a bad option is a usage error.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include "expectations.h"
#include "suite.h"
#include "support/scratch_database.h"
#include "support/table_fill.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

constexpr int kUsageError = 2;
const char kAlter[] = "ADD COLUMN added INT NOT NULL DEFAULT 0, ADD INDEX added (added)";

void create_filled_table(const std::string& database, const std::string& table) {
  auto connection = connect();
  const TableSpec spec = integer_key_shape();
  create_table(*connection, spec, database, table);
  fill_table(*connection, spec, database, table, 2000);
}

}  // namespace

TEST_CASE("--dry-run prints the full plan and leaves nothing") {
  ScratchDatabase database(test_server(), "oa_it_dryrun");
  create_filled_table(database.name(), "items");
  const DatabaseSnapshot before = snapshot_database(database.name());
  const ToolResult result =
      online_alter().run(tool_args(database.name(), "items", kAlter, {"--dry-run"}));
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  CHECK_MESSAGE(result.out.find("CREATE TRIGGER") != std::string::npos, result.describe());
  CHECK_MESSAGE(result.out.find("RENAME TABLE") != std::string::npos, result.describe());
  expect_unchanged(database.name(), before);
}

TEST_CASE("neither --dry-run nor --execute: prints the plan, creates nothing") {
  ScratchDatabase database(test_server(), "oa_it_planonly");
  create_filled_table(database.name(), "items");
  const DatabaseSnapshot before = snapshot_database(database.name());
  const ToolResult result = online_alter().run(tool_args(database.name(), "items", kAlter));
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  CHECK_MESSAGE(result.out.find("RENAME TABLE") != std::string::npos, result.describe());
  expect_unchanged(database.name(), before);
}

TEST_CASE("a wrong option is a usage error (exit code 2)") {
  ScratchDatabase database(test_server(), "oa_it_usage");
  create_filled_table(database.name(), "items");
  const DatabaseSnapshot before = snapshot_database(database.name());

  SUBCASE("unknown option") {
    const ToolResult result = online_alter().run(
        tool_args(database.name(), "items", kAlter, {"--execute", "--no-such-option"}));
    expect_error(result, kUsageError, {"no-such-option"});
  }
  SUBCASE("--alter missing") {
    std::vector<std::string> args = test_server().tool_connection_args();
    args.insert(args.end(), {"--database", database.name(), "--table", "items", "--execute"});
    expect_error(online_alter().run(args), kUsageError, {"alter"});
  }
  SUBCASE("--dry-run with --execute") {
    const ToolResult result =
        online_alter().run(tool_args(database.name(), "items", kAlter, {"--execute", "--dry-run"}));
    expect_error(result, kUsageError, {"dry-run", "execute"});
  }
  SUBCASE("a value that is not a number") {
    const ToolResult result = online_alter().run(
        tool_args(database.name(), "items", kAlter, {"--execute", "--chunk-size", "many"}));
    expect_error(result, kUsageError, {"chunk-size", "many"});
  }
  expect_unchanged(database.name(), before);
}

}  // namespace oa::test
