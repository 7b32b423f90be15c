// --log-format json read the way a cron job reads it: with jq. Every line of
// stderr is a JSON object, the phases appear in order, and stdout holds one
// summary object with the outcome, the phases' timings and what the run did.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "expectations.h"
#include "jq.h"
#include "migration_under_writes.h"
#include "suite.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/table_fill.h"
#include "support/text_query.h"
#include "support/tool_run.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

std::vector<std::string> json_args(const std::string& database, const std::string& table,
                                   const std::string& alter, std::vector<std::string> extra) {
  extra.insert(extra.end(), {"--log-format", "json"});
  return tool_args(database, table, alter, extra);
}

}  // namespace

TEST_CASE("--log-format json under writes: every line parses, every phase, a summary") {
  ScratchDatabase database(test_server(), "oa_it_json");
  const TableSpec spec = integer_key_shape();
  MigrationUnderWrites migration(spec, database.name(), "orders");
  migration.prepare(6000);
  std::vector<std::string> options = kSlowCopy;
  options.insert(options.end(), {"--progress-interval", "0.2"});
  const MigrationOutcome outcome = migration.run(
      json_args(database.name(), "orders", "ADD COLUMN note VARCHAR(20) NULL", options),
      full_speed());
  const ToolResult& tool = outcome.tool;
  REQUIRE_MESSAGE(tool.exit_code == 0, tool.describe());
  expect_writer_succeeded(outcome.writer);
  expect_matches_record(spec, database.name(), "orders", outcome.record);

  // Each stderr line is one object with a time, a level and an event name;
  // no terminal escape code reaches a file.
  const auto err_lines = lines_of(tool.err);
  REQUIRE(err_lines.size() > 5);
  CHECK(jq("select(type != \"object\" or (.time | type) != \"string\" or "
           "(.level | type) != \"string\" or (.event | type) != \"string\") | \"bad\"",
           tool.err) == "");
  CHECK(tool.err.find('\x1b') == std::string::npos);
  // As many JSON values as lines: no object spans lines, no line holds two.
  CHECK(jq("[., inputs] | length", tool.err) == std::to_string(err_lines.size()) + "\n");
  CHECK(jq("select(.event == \"phase\") | .phase", tool.err) ==
        "preflight\nshadow\ntriggers\ncopy\nverify\ncutover\ncleanup\ndone\n");
  // Progress while copying, as events with their numbers.
  CHECK(jq("[., inputs] | map(select(.event == \"progress\" and .phase == \"copy\" and "
           "(.rows_copied | type) == \"number\" and (.estimated_rows | type) == \"number\")) | "
           "length > 0",
           tool.err) == "true\n");

  // stdout: the summary alone.
  REQUIRE(lines_of(tool.out).size() == 1);
  CHECK(jq(".event, .outcome, .exit_code, .database, .table, .mode", tool.out) ==
        "summary\nok\n0\n" + database.name() + "\norders\nexecute\n");
  CHECK(jq(".rows_inserted > 0 and .chunks > 0 and .verified and .mismatches == 0 and "
           ".cutover_attempts >= 1 and (.locked_ms | type) == \"number\" and "
           "(.retries | type) == \"number\"",
           tool.out) == "true\n");
  CHECK(jq(".phases | keys_unsorted | join(\",\")", tool.out) ==
        "starting,preflight,shadow,triggers,copy,verify,cutover,cleanup,done\n");
  CHECK(jq("[.phases[]] | all(. >= 0)", tool.out) == "true\n");
}

TEST_CASE("--log-format json on a refusal: an error event and a summary with the exit status") {
  ScratchDatabase database(test_server(), "oa_it_json_refused");
  const ToolResult result = online_alter().run(
      json_args(database.name(), "no_such_table", "ADD COLUMN x INT", {"--execute"}));
  CHECK(result.exit_code == 4);
  CHECK(jq("select(.event == \"error\") | .level, .exit_code", result.err) == "error\n4\n");
  CHECK(jq("select(.event == \"error\") | .message | contains(\"no_such_table\")", result.err) ==
        "true\n");
  CHECK(jq(".outcome, .exit_code, (.error | contains(\"no_such_table\"))", result.out) ==
        "refused\n4\ntrue\n");
}

}  // namespace oa::test

namespace oa::test {

TEST_CASE("--log-format json for verify: its findings travel in the summary's output") {
  ScratchDatabase database(test_server(), "oa_it_json_verify");
  {
    auto connection = connect();
    create_table(*connection, integer_key_shape(), database.name(), "left_side");
    fill_table(*connection, integer_key_shape(), database.name(), "left_side", 500);
    execute_sql(*connection, "CREATE TABLE " + qualified_name(database.name(), "right_side") +
                                 " LIKE " + qualified_name(database.name(), "left_side"));
    execute_sql(*connection, "INSERT INTO " + qualified_name(database.name(), "right_side") +
                                 " SELECT * FROM " + qualified_name(database.name(), "left_side"));
  }
  std::vector<std::string> args{"verify"};
  const std::vector<std::string> connection = test_server().tool_connection_args();
  args.insert(args.end(), connection.begin(), connection.end());
  args.insert(args.end(), {"--database", database.name(), "--table", "left_side", "--against",
                           "right_side", "--log-format", "json"});
  const ToolResult result = online_alter().run(args);
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  REQUIRE(lines_of(result.out).size() == 1);
  CHECK(jq(".outcome, .mode, (.output | startswith(\"equal: \"))", result.out) ==
        "ok\nverify\ntrue\n");
}

}  // namespace oa::test
