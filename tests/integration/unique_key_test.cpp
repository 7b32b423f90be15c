// Adding a UNIQUE key: it succeeds under writes when the values are unique
// (also when the application moves a value from one row to another), and is
// refused, or stopped before the swap, when they are not.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "expectations.h"
#include "suite.h"
#include "support/flag_file.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/table_fill.h"
#include "support/table_reader.h"
#include "support/text_query.h"
#include "support/tool_process.h"
#include "support/writer.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

// A key the Writer never uses: it counts up from the filled rows.
const char kLateDuplicateId[] = "1000000000000";

// NON_UNIQUE of index `index`: "0" for a unique one, nullopt when there is none.
Value non_unique(const std::string& database, const std::string& table, const std::string& index) {
  auto connection = connect();
  return query_value(*connection,
                     "SELECT MIN(NON_UNIQUE) FROM information_schema.STATISTICS WHERE "
                     "TABLE_SCHEMA = " +
                         text_literal(database) + " AND TABLE_NAME = " + text_literal(table) +
                         " AND INDEX_NAME = " + text_literal(index));
}

}  // namespace

TEST_CASE("ADD UNIQUE KEY over unique values while the writer writes") {
  ScratchDatabase database(test_server(), "oa_it_addunique");
  const std::string table = "accounts";
  expect_migrates_under_writes(unique_email_shape(), database.name(), table, 10000,
                               "ADD UNIQUE KEY uemail (email)");
  CHECK(non_unique(database.name(), table, "uemail") == Value("0"));
}

TEST_CASE("ADD UNIQUE KEY over duplicate values fails and loses no row") {
  // k takes 1000 values in 3000 rows. A copy that skips rows on a duplicate
  // key (INSERT IGNORE, ON DUPLICATE KEY UPDATE) would silently drop rows.
  ScratchDatabase database(test_server(), "oa_it_dupkey");
  const std::string table = "accounts";
  {
    auto connection = connect();
    create_table(*connection, integer_key_shape(), database.name(), table);
    fill_table(*connection, integer_key_shape(), database.name(), table, 3000);
  }
  const DatabaseSnapshot before = snapshot_database(database.name());
  const ToolResult result =
      online_alter().run(tool_args(database.name(), table, "ADD UNIQUE KEY uk (k)", kSlowCopy));
  // Refused before the copy, naming the key, and the query that lists the duplicates.
  expect_error(result, 4, {"UNIQUE key `uk`"});
  CHECK_MESSAGE(
      result.err.find("List every duplicate with: SELECT `k`, COUNT(*)") != std::string::npos,
      result.describe());
  expect_unchanged(database.name(), before);
}

TEST_CASE("a collation that makes distinct values of a unique key equal is refused") {
  ScratchDatabase database(test_server(), "oa_it_collation");
  auto connection = connect();
  const std::string table = qualified_name(database.name(), "tags");
  execute_sql(*connection, "CREATE TABLE " + table +
                               " (id INT PRIMARY KEY, name VARCHAR(20) COLLATE utf8mb4_bin NOT "
                               "NULL, UNIQUE KEY uname (name)) DEFAULT CHARSET=utf8mb4");
  execute_sql(*connection, "INSERT INTO " + table + " VALUES (1, 'Apple'), (2, 'apple'), (3, 'b')");
  const DatabaseSnapshot before = snapshot_database(database.name());
  const ToolResult result = online_alter().run(
      tool_args(database.name(), "tags",
                "MODIFY name VARCHAR(20) COLLATE utf8mb4_general_ci NOT NULL", {"--execute"}));
  expect_error(result, 4, {"UNIQUE key `uname`"});
  CHECK_MESSAGE(contains_ignoring_case(result.err, "2 rows"), result.describe());
  expect_unchanged(database.name(), before);
}

TEST_CASE("a duplicate the application writes during the run stops it before the swap") {
  ScratchDatabase database(test_server(), "oa_it_late_dup");
  const std::string table = "accounts";
  const TableSpec spec = unique_email_shape();
  constexpr std::uint64_t kRows = 4000;
  auto connection = connect();
  create_table(*connection, spec, database.name(), table);
  fill_table(*connection, spec, database.name(), table, kRows);
  // The Writer changes every row but the first, whose email the duplicate repeats.
  Record writer_rows = load_record(*connection, spec, database.name(), table);
  const std::string first_key = spec.record_key_of(spec.key_for(0));
  const Row first = *writer_rows.find(first_key);
  writer_rows.erase(first_key);

  WriterOptions options = full_speed().writer;
  options.first_new_n = kRows;
  Writer writer(test_server(), spec, database.name(), table, std::move(writer_rows), options);
  REQUIRE(writer.wait_for_commits(50, std::chrono::seconds(30)));
  FlagFile hold("oa_it_late_dup");
  ToolProcess tool(
      online_alter().binary(),
      tool_args(database.name(), table, "ADD UNIQUE KEY uemail (email)",
                {"--execute", "--chunk-size", "500", "--postpone-cutover-file", hold.path()}));
  REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", std::chrono::seconds(120)),
                  tool.err_so_far());
  // The application's write succeeds: the triggers only log its key.
  const Row duplicate = {kLateDuplicateId, first.at(1), "7"};
  execute_sql(*connection, "INSERT INTO " + qualified_name(database.name(), table) +
                               " (id, email, k) VALUES (" + kLateDuplicateId + ", " +
                               text_literal(*first.at(1)) + ", 7)");
  const ToolResult result = tool.wait();
  // The application goes on writing to the table after the tool gave up.
  CHECK(writer.wait_for_commits(writer.stats().commits + 50, std::chrono::seconds(30)));
  writer.stop();

  expect_error(result, 5, {"uemail"});
  CHECK_MESSAGE(result.err.find(*first.at(1)) != std::string::npos, result.describe());
  CHECK(list_tables(*connection, database.name()) == std::vector<std::string>{table});
  CHECK(list_triggers(*connection, database.name()).empty());
  CHECK_FALSE(index_exists(*connection, database.name(), table, "uemail"));
  expect_writer_succeeded(writer.stats());
  Record expected = writer.record();
  expected.put(first_key, first);
  expected.put(spec.record_key(duplicate), duplicate);
  expect_matches_record(spec, database.name(), table, expected);
}

// The chunk that copies the row the value moved to meets the value still on
// the row it moved from, whose change waits in the log: a duplicate the table
// never had, which must not stop the run.
TEST_CASE("a unique value moved to a row the copy has not reached is no duplicate") {
  ScratchDatabase database(test_server(), "oa_it_moved_unique");
  const std::string table = "accounts";
  const TableSpec spec = unique_email_shape();
  auto connection = connect();
  create_table(*connection, spec, database.name(), table);
  fill_table(*connection, spec, database.name(), table, 1000);
  const std::string original = qualified_name(database.name(), table);
  const Value email = query_value(*connection, "SELECT email FROM " + original + " WHERE id = 1");

  // The pause after each chunk leaves ample time to move the value after the first.
  ToolProcess tool(online_alter().binary(),
                   tool_args(database.name(), table, "ADD UNIQUE KEY uemail (email)",
                             {"--execute", "--chunk-size", "500", "--sleep", "10"}));
  REQUIRE_MESSAGE(tool.wait_for_err("installed capture triggers", std::chrono::seconds(120)),
                  tool.err_so_far());
  const std::string shadow = qualified_name(database.name(), table + "_oa_new");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (query_value(*connection, "SELECT COUNT(*) FROM " + shadow) == Value("0")) {
    REQUIRE(std::chrono::steady_clock::now() < deadline);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  // Row 1 is copied, row 700 is not: its chunk comes after the pause.
  execute_sql(*connection, "START TRANSACTION");
  execute_sql(*connection, "DELETE FROM " + original + " WHERE id = 1");
  execute_sql(*connection,
              "UPDATE " + original + " SET email = " + text_literal(*email) + " WHERE id = 700");
  execute_sql(*connection, "COMMIT");

  const ToolResult result = tool.wait();
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  CHECK(query_value(*connection, "SELECT id FROM " + original +
                                     " WHERE email = " + text_literal(*email)) == Value("700"));
  CHECK(query_value(*connection, "SELECT COUNT(*) FROM " + original) == Value("999"));
  CHECK(non_unique(database.name(), table, "uemail") == Value("0"));
}

}  // namespace oa::test
