// The checksum verification before the swap: rows changed, deleted or added in
// the shadow behind the triggers' back (by the test, through the database)
// are found, named and copied again; a difference that copying again cannot
// mend stops the migration before the swap. Results are compared with the
// table's content before the run, never with what the tool reports.
#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "expectations.h"
#include "migration_under_writes.h"
#include "suite.h"
#include "support/flag_file.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/text_query.h"
#include "support/tool_process.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

constexpr int kVerificationFailed = 9;
constexpr auto kToolStartup = std::chrono::seconds(120);

// 3,000 rows with NULLs, empty strings and byte strings: every third `s` is
// NULL, every fifth `b` is NULL and every seventh ends in a zero byte.
void create_items(sql::Connection& c, const std::string& database) {
  execute_sql(c,
              "CREATE TABLE `" + database +
                  "`.items (id INT NOT NULL PRIMARY KEY, s VARCHAR(20) NULL, "
                  "b VARBINARY(20) NULL, n INT NOT NULL, d DECIMAL(8,2) NOT NULL) ENGINE=InnoDB");
  execute_sql(c, "INSERT INTO `" + database +
                     "`.items SELECT seq, IF(seq % 3 = 0, NULL, IF(seq % 4 = 0, '', "
                     "CONCAT('s', seq))), IF(seq % 5 = 0, NULL, IF(seq % 7 = 0, "
                     "CONCAT(UNHEX(HEX(seq)), 0x00), UNHEX(HEX(seq)))), seq * 2, seq / 8 "
                     "FROM `" +
                     database + "`.seq_1_to_3000");
}

std::string items_content(sql::Connection& c, const std::string& database) {
  return query_value(c,
                     "SELECT CONCAT(COUNT(*), ':', SUM(CRC32(CONCAT_WS('|', id, "
                     "IFNULL(s, '<null>'), IFNULL(HEX(b), '<null>'), n, d))), ':', "
                     "BIT_XOR(CRC32(CONCAT_WS('|', id, IFNULL(s, '<null>'), "
                     "IFNULL(HEX(b), '<null>'), n, d)))) FROM `" +
                         database + "`.items")
      .value_or("");
}

}  // namespace

TEST_CASE(
    "verification finds rows changed, deleted and added in the shadow and copies them again") {
  ScratchDatabase database(test_server(), "oa_it_verify_repair");
  auto c = connect();
  create_items(*c, database.name());
  const std::string before = items_content(*c, database.name());
  FlagFile hold("oa_it_verify_repair");
  ToolProcess tool(
      online_alter().binary(),
      tool_args(database.name(), "items", "ADD COLUMN extra INT NOT NULL DEFAULT 7",
                {"--execute", "--chunk-size", "500", "--postpone-cutover-file", hold.path()}));
  REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", kToolStartup), tool.err_so_far());

  // Behind the triggers' back: NULL becomes '', a byte string gains a zero
  // byte, a number changes, a row goes, a row past the last key appears.
  const std::string shadow = "`" + database.name() + "`.items_oa_new";
  execute_sql(*c, "UPDATE " + shadow + " SET s = '' WHERE id = 3");
  execute_sql(*c, "UPDATE " + shadow + " SET b = CONCAT(b, 0x00) WHERE id = 1001");
  execute_sql(*c, "UPDATE " + shadow + " SET n = n + 1 WHERE id = 1502");
  execute_sql(*c, "DELETE FROM " + shadow + " WHERE id = 2000");
  execute_sql(*c, "INSERT INTO " + shadow + " (id, s, b, n, d) VALUES (5000, 'x', NULL, 1, 0)");
  hold.remove();
  const ToolResult result = tool.wait();

  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  for (const char* key : {"(3)", "(1001)", "(1502)", "(2000)", "(5000)"}) {
    CHECK_MESSAGE(result.err.find(key) != std::string::npos,
                  "the verification did not name the key " << key << "\n"
                                                           << result.describe());
  }
  CHECK_MESSAGE(result.err.find("missing from the new table: (2000)") != std::string::npos,
                result.describe());
  CHECK_MESSAGE(result.err.find("only in the new table: (5000)") != std::string::npos,
                result.describe());
  CHECK_MESSAGE(result.last_out_line().find("4 mismatches, 4 repaired") != std::string::npos,
                result.describe());
  CHECK(items_content(*c, database.name()) == before);
  CHECK(query_value(*c, "SELECT COUNT(*) FROM `" + database.name() + "`.items WHERE extra <> 7")
            .value_or("") == "0");
  CHECK(list_tables(*c, database.name()) == std::vector<std::string>{"items"});
  CHECK(list_triggers(*c, database.name()).empty());
}

TEST_CASE(
    "rows changed, deleted and added in the shadow in the middle of a slow copy under writes are "
    "found after the copy and copied again") {
  ScratchDatabase database(test_server(), "oa_it_verify_midcopy");
  const std::string table = "items";
  const TableSpec spec = integer_key_shape();
  MigrationUnderWrites migration(spec, database.name(), table);
  migration.prepare(20000);
  // Rows the Writer leaves alone: 100 is changed in the shadow, 200 deleted
  // from it, 300 deleted from the table and then added to the shadow.
  Row changed = migration.withhold(100);
  Row deleted = migration.withhold(200);
  const Row added = migration.withhold(300);
  // Present until the end: its arrival in the shadow shows the copy passed it.
  const Row marker = migration.withhold(5000);
  auto c = connect();
  const std::string original = qualified_name(database.name(), table);
  const std::string shadow = qualified_name(database.name(), "items_oa_new");
  execute_sql(*c, "DELETE FROM " + original + " WHERE id = " + *added.at(0));

  // Once the copy has passed row 5000 (so its range was copied, and under the
  // old design already compared), the shadow is changed behind the tool's back.
  bool tampered = false;
  MigrationScenario scenario = full_speed();
  scenario.while_tool_runs = [&] {
    auto side = connect();
    const std::string copied_past = *marker.at(0);
    for (int i = 0; i < 1200 && !tampered; ++i) {
      // The shadow exists only once the tool has created it.
      Value found;
      try {
        found = query_value(*side, "SELECT COUNT(*) FROM " + shadow + " WHERE id = " + copied_past);
      } catch (const sql::SQLException&) {
      }
      if (found == Value("1")) {
        execute_sql(*side, "UPDATE " + shadow + " SET k = k + 1 WHERE id = " + *changed.at(0));
        execute_sql(*side, "DELETE FROM " + shadow + " WHERE id = " + *deleted.at(0));
        execute_sql(*side, "INSERT INTO " + shadow + " (id, k, c, pad) VALUES (" + *added.at(0) +
                               ", 1, 'stray', NULL)");
        tampered = true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  };
  MigrationOutcome outcome =
      migration.run(tool_args(database.name(), table, "ADD COLUMN extra INT NOT NULL DEFAULT 7",
                              {"--execute", "--chunk-size", "200", "--sleep", "0.05"}),
                    scenario);

  REQUIRE_MESSAGE(tampered, "the copy never passed row 5000\n" << outcome.tool.describe());
  CHECK_MESSAGE(outcome.tool.exit_code == 0, outcome.tool.describe());
  for (const Row* row : std::vector<const Row*>{&changed, &deleted, &added}) {
    const std::string key = "(" + *row->at(0) + ")";
    CHECK_MESSAGE(outcome.tool.err.find(key) != std::string::npos, "the verification did not name "
                                                                       << key << "\n"
                                                                       << outcome.tool.describe());
  }
  CHECK_MESSAGE(
      outcome.tool.err.find("only in the new table: (" + *added.at(0) + ")") != std::string::npos,
      outcome.tool.describe());
  CHECK_MESSAGE(outcome.tool.last_out_line().find(" 0 mismatches") == std::string::npos,
                outcome.tool.describe());
  outcome.record.put(spec.record_key(changed), changed);
  outcome.record.put(spec.record_key(deleted), deleted);
  outcome.record.put(spec.record_key(marker), marker);
  expect_matches_record(spec, database.name(), table, outcome.record);
  expect_writer_succeeded(outcome.writer);
}

TEST_CASE("a change of values that copying again cannot mend stops the migration before the swap") {
  ScratchDatabase database(test_server(), "oa_it_verify_abort");
  auto c = connect();
  create_items(*c, database.name());
  const DatabaseSnapshot before = snapshot_database(database.name());
  // DECIMAL(8,2) to DECIMAL(8,1) rounds 0.125 to 0.1 with only a note, which
  // strict mode lets through: the copy succeeds, the values differ.
  const ToolResult result = online_alter().run(
      tool_args(database.name(), "items", "MODIFY d DECIMAL(8,1) NOT NULL", {"--execute"}));

  expect_error(result, kVerificationFailed, {"verification failed"});
  CHECK_MESSAGE(result.err.find("different: (") != std::string::npos, result.describe());
  expect_unchanged(database.name(), before);
}

TEST_CASE("--no-verify skips the comparison and says so") {
  ScratchDatabase database(test_server(), "oa_it_no_verify");
  auto c = connect();
  create_items(*c, database.name());
  const std::string before = items_content(*c, database.name());
  const ToolResult result = online_alter().run(tool_args(
      database.name(), "items", "ADD COLUMN extra INT NULL", {"--execute", "--no-verify"}));
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  CHECK_MESSAGE(result.last_out_line().find("not verified") != std::string::npos,
                result.describe());
  CHECK(result.err.find("verification") == std::string::npos);
  CHECK(items_content(*c, database.name()) == before);
}

TEST_CASE("verify finds a one-row difference between two 1M-row tables and names its range") {
  constexpr std::uint64_t kRows = 1000000;
  constexpr std::uint64_t kChanged = 654321;
  ScratchDatabase database(test_server(), "oa_it_verify_command");
  auto c = connect();
  const std::string db = "`" + database.name() + "`";
  execute_sql(*c, "CREATE TABLE " + db +
                      ".big (id INT NOT NULL PRIMARY KEY, k INT NOT NULL, c CHAR(60) NOT NULL, "
                      "pad VARBINARY(20) NULL) ENGINE=InnoDB");
  execute_sql(*c, "INSERT INTO " + db +
                      ".big SELECT seq, seq % 1000, MD5(seq), "
                      "IF(seq % 9 = 0, NULL, UNHEX(HEX(seq))) FROM " +
                      db + ".seq_1_to_" + std::to_string(kRows));
  execute_sql(*c, "CREATE TABLE " + db + ".copy LIKE " + db + ".big");
  execute_sql(*c, "INSERT INTO " + db + ".copy SELECT * FROM " + db + ".big");

  const auto verify = [&] {
    std::vector<std::string> args{"verify"};
    const std::vector<std::string> connection = test_server().tool_connection_args();
    args.insert(args.end(), connection.begin(), connection.end());
    args.insert(args.end(), {"--database", database.name(), "--table", "big", "--against", "copy"});
    return online_alter().run(args);
  };
  const ToolResult equal = verify();
  CHECK_MESSAGE(equal.exit_code == 0, equal.describe());
  CHECK_MESSAGE(equal.last_out_line().rfind("equal: ", 0) == 0, equal.describe());

  // A trailing zero byte is a difference too.
  execute_sql(*c, "UPDATE " + db +
                      ".copy SET pad = CONCAT(pad, 0x00) WHERE id = " + std::to_string(kChanged));
  const ToolResult different = verify();
  expect_error(different, kVerificationFailed, {"differ"});
  std::vector<std::string> lines;
  for (std::size_t at = 0; (at = different.out.find("differs: ", at)) != std::string::npos; ++at) {
    lines.push_back(different.out.substr(at, different.out.find('\n', at) - at));
  }
  REQUIRE_MESSAGE(lines.size() == 1, different.describe());
  // "differs: (LOW) < `id` <= (HIGH): ..." with LOW < kChanged <= HIGH.
  unsigned long long low = 0, high = 0;
  REQUIRE_MESSAGE(
      std::sscanf(lines[0].c_str(), "differs: (%llu) < `id` <= (%llu)", &low, &high) == 2,
      lines[0]);
  CHECK(low < kChanged);
  CHECK(kChanged <= high);
  CHECK_MESSAGE(lines[0].find("different: (" + std::to_string(kChanged) + ")") != std::string::npos,
                lines[0]);
}

}  // namespace oa::test
