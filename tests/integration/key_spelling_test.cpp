// A key whose values have many spellings its collation holds equal (letter
// case and accents: 'atñ', 'ÁTN', 'Ätn'; with a PAD SPACE collation also
// trailing spaces: 'atn', 'atn ', 'atn  '), migrated while eight writers
// insert spellings of existing keys, delete rows, update v, and change only
// the spelling of keys, each change mirrored into an untouched twin table in
// the same transaction. The migrated table must end equal to its twin byte for
// byte, with the ALTER in effect: ADD COLUMN; the key's collation changed to
// utf8mb4_bin; a PAD SPACE key changed to a NO PAD collation. Each with text
// statements and with server-side prepared statements.
#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <random>
#include <thread>

#include "suite.h"
#include "support/inventory.h"
#include "support/key_spellings.h"
#include "support/scratch_database.h"
#include "support/spelling_writer.h"
#include "support/sql_text.h"
#include "support/text_query.h"
#include "support/twin_comparison.h"

namespace oa::test {
namespace {

constexpr std::int64_t kRows = 50000;  // the issue's table
// n of the filled rows: row i has base word i % 50 and n = i / 50.
constexpr std::int64_t kFilledNumbers = kRows / static_cast<std::int64_t>(kBaseWordCount);
// The writers also insert keys with n past the filled ones.
constexpr std::int64_t kWrittenNumbers = kFilledNumbers + kFilledNumbers / 10;
constexpr std::size_t kFillBatch = 1000;       // rows per INSERT of the fill
constexpr std::size_t kCheckedSpellings = 40;  // random spellings per base word shown the server
constexpr std::uint64_t kSeed = 118;  // any fixed value: the same spellings and choices each run
constexpr std::int64_t kHotNumberCount = 10;  // the issue's hot values of n
constexpr std::int64_t kFirstHotNumber = 18;  // so that the issue's n = 118 is one of them
constexpr auto kWritingBefore = std::chrono::milliseconds(500);  // writes before the tool starts
constexpr auto kWritingAfter = std::chrono::milliseconds(1000);  // and after it finished

// The writers' expected failures, each rolling back its transaction: an
// insert of a key that exists, and the conflicts of concurrent transactions.
constexpr int kDuplicateKey = 1062;     // ER_DUP_ENTRY
constexpr int kRecordChanged = 1020;    // ER_CHECKREAD, with innodb_snapshot_isolation
constexpr int kLockWaitTimeout = 1205;  // ER_LOCK_WAIT_TIMEOUT
constexpr int kDeadlock = 1213;         // ER_LOCK_DEADLOCK

// The options of the issue's run.
const std::vector<std::string> kIssueOptions = {"--execute", "--chunk-size", "500", "--sleep",
                                                "0.02"};

const char kTable[] = "t";
const char kTwin[] = "t_twin";
const char kNoPadCollation[] = "utf8mb4_general_nopad_ci";

struct SpellingCase {
  std::string alter;
  ClientMode mode = ClientMode::kText;
  bool trailing_spaces = false;  // spellings differ in trailing spaces too
  // The ALTER's effect: `column` of the table exists, with this collation
  // (nullopt for a column without one).
  std::string column;
  Value collation;
};

SpellingCase add_column(ClientMode mode) {
  return {"ADD COLUMN extra INT NOT NULL DEFAULT 0", mode, false, "extra", std::nullopt};
}

SpellingCase to_binary_collation(ClientMode mode) {
  return {"MODIFY name VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL", mode, false,
          "name", Value("utf8mb4_bin")};
}

SpellingCase pad_to_no_pad_collation(ClientMode mode) {
  return {"MODIFY name VARCHAR(20) CHARACTER SET utf8mb4 COLLATE " + std::string(kNoPadCollation) +
              " NOT NULL",
          mode, true, "name", Value(kNoPadCollation)};
}

bool server_has_collation(sql::Connection& c, const std::string& collation) {
  return query_value(c,
                     "SELECT COUNT(*) FROM information_schema.COLLATIONS WHERE "
                     "COLLATION_NAME = " +
                         text_literal(collation)) == Value("1");
}

// 'ñ' (C3 B1) reaches the server and comes back unchanged, in a statement's
// text, as a bound parameter, and in a result.
void require_utf8mb4_round_trip(sql::Connection& c) {
  REQUIRE(query_value(c, "SELECT HEX('\xC3\xB1')") == Value("C3B1"));
  std::unique_ptr<sql::PreparedStatement> bound(c.prepareStatement("SELECT HEX(?)"));
  bound->setString(1, "\xC3\xB1");
  std::unique_ptr<sql::ResultSet> result(bound->executeQuery());
  REQUIRE(result->next());
  REQUIRE(result->getString(1).asStdString() == "C3B1");
  REQUIRE(query_value(c, "SELECT CONVERT(X'C3B1' USING utf8mb4)") == Value("\xC3\xB1"));
}

// Before trusting the spellings: the server holds every spelling of a base
// word equal under utf8mb4_general_ci, and no two base words equal; with
// trailing spaces, they are equal under it and not under the NO PAD collation.
void require_spellings_equal(sql::Connection& c, const std::string& database,
                             bool trailing_spaces) {
  const std::string table = qualified_name(database, "spellings");
  execute_sql(c, "CREATE TEMPORARY TABLE " + table +
                     " (base INT NOT NULL, name VARCHAR(20) CHARACTER SET utf8mb4 COLLATE "
                     "utf8mb4_general_ci NOT NULL)");
  std::mt19937_64 rng(kSeed);
  std::string values;
  for (std::size_t base = 0; base < kBaseWordCount; ++base) {
    for (std::size_t i = 0; i < kCheckedSpellings; ++i) {
      std::string name = random_spelling(base_word(base), rng);
      if (trailing_spaces) name += random_trailing_spaces(rng);
      values +=
          (values.empty() ? "(" : ", (") + std::to_string(base) + ", " + text_literal(name) + ")";
    }
  }
  execute_sql(c, "INSERT INTO " + table + " VALUES " + values);
  const std::string words = std::to_string(kBaseWordCount);
  REQUIRE(query_value(c, "SELECT COUNT(DISTINCT name) FROM " + table) == Value(words));
  REQUIRE(query_value(c,
                      "SELECT MAX(spellings) FROM (SELECT COUNT(DISTINCT name) AS spellings "
                      "FROM " +
                          table + " GROUP BY base) AS per_base") == Value("1"));
  // Most spellings differ in bytes, or the test would change nothing.
  const std::string byte_spellings =
      query_value(c, "SELECT COUNT(DISTINCT HEX(name)) FROM " + table).value_or("0");
  REQUIRE_MESSAGE(std::stoul(byte_spellings) > kBaseWordCount * kCheckedSpellings / 2,
                  byte_spellings);
  if (trailing_spaces) {
    REQUIRE(query_value(c, "SELECT 'x' = 'x  ' COLLATE utf8mb4_general_ci") == Value("1"));
    REQUIRE(query_value(c, "SELECT 'x' = 'x  ' COLLATE utf8mb4_general_nopad_ci") == Value("0"));
    const std::string no_pad_spellings =
        query_value(c, "SELECT COUNT(DISTINCT name COLLATE utf8mb4_general_nopad_ci) FROM " + table)
            .value_or("0");
    REQUIRE_MESSAGE(std::stoul(no_pad_spellings) > kBaseWordCount, no_pad_spellings);
  }
  execute_sql(c, "DROP TEMPORARY TABLE " + table);
}

// The issue's table with kRows rows, each with a random spelling, and its twin
// with the same rows byte for byte.
void create_twins(sql::Connection& c, const TwinTables& tables, bool trailing_spaces) {
  const std::string table = qualified_name(tables.database, tables.table);
  execute_sql(c, "CREATE TABLE " + table +
                     " (name VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT "
                     "NULL, n INT NOT NULL, v INT NOT NULL, PRIMARY KEY (name, n)) ENGINE=InnoDB");
  std::mt19937_64 rng(kSeed);
  std::string values;
  for (std::int64_t i = 0; i < kRows; ++i) {
    std::string name =
        random_spelling(base_word(static_cast<std::size_t>(i) % kBaseWordCount), rng);
    if (trailing_spaces) name += random_trailing_spaces(rng);
    values += (values.empty() ? "(" : ", (") + text_literal(name) + ", " +
              std::to_string(i / static_cast<std::int64_t>(kBaseWordCount)) + ", " +
              std::to_string(i) + ")";
    if ((i + 1) % static_cast<std::int64_t>(kFillBatch) == 0 || i + 1 == kRows) {
      execute_sql(c, "INSERT INTO " + table + " (name, n, v) VALUES " + values);
      values.clear();
    }
  }
  const std::string twin = qualified_name(tables.database, tables.twin);
  execute_sql(c, "CREATE TABLE " + twin + " LIKE " + table);
  execute_sql(c, "INSERT INTO " + twin + " SELECT * FROM " + table);
}

// kHotNumberCount values of n spread over the filled ones.
std::vector<std::int64_t> hot_numbers() {
  std::vector<std::int64_t> numbers;
  for (std::int64_t i = 0; i < kHotNumberCount; ++i) {
    numbers.push_back(kFirstHotNumber + i * (kFilledNumbers / kHotNumberCount));
  }
  return numbers;
}

void expect_altered(sql::Connection& c, const TwinTables& tables, const SpellingCase& spelling) {
  const std::vector<Row> columns = query_rows(
      c, "SELECT COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = " +
             text_literal(tables.database) + " AND TABLE_NAME = " + text_literal(tables.table) +
             " AND COLUMN_NAME = " + text_literal(spelling.column));
  CHECK_MESSAGE(columns.size() == 1, "the table has no column " << spelling.column);
  if (columns.size() != 1) return;
  CHECK_MESSAGE(columns[0].at(0) == spelling.collation,
                "collation of " << spelling.column << ": " << columns[0].at(0).value_or("NULL")
                                << ", expected " << spelling.collation.value_or("NULL"));
}

struct SpellingOutcome {
  ToolResult tool;
  SpellingWriterStats during;  // while the tool ran
  SpellingWriterStats total;
};

// Starts the writers on `tables`, runs the tool with the issue's options
// while they write, and stops them.
SpellingOutcome run_while_spelling_changes(const TwinTables& tables, const SpellingCase& spelling) {
  SpellingWriterOptions options;  // the issue's threads and share of hot keys
  options.mode = spelling.mode;
  options.trailing_spaces = spelling.trailing_spaces;
  options.key_numbers = kWrittenNumbers;
  options.hot_numbers = hot_numbers();
  options.seed = kSeed;
  SpellingWriter writer(test_server(), tables, options);
  std::this_thread::sleep_for(kWritingBefore);
  SpellingOutcome outcome;
  const SpellingWriterStats before = writer.stats();
  outcome.tool =
      online_alter().run(tool_args(tables.database, tables.table, spelling.alter, kIssueOptions));
  outcome.during = writer.stats().since(before);
  std::this_thread::sleep_for(kWritingAfter);
  writer.stop();
  outcome.total = writer.stats();
  return outcome;
}

void expect_writers_overlapped(const SpellingCase& spelling, const SpellingOutcome& outcome) {
  MESSAGE(std::string(describe(spelling.mode))
          << ": " << outcome.tool.last_out_line() << "\nwriters in all: " << outcome.total.summary()
          << "\nwhile the tool ran (" << outcome.tool.seconds
          << " s): " << outcome.during.summary());
  CHECK_MESSAGE(outcome.total.transactions.errors_except(
                    {kDuplicateKey, kRecordChanged, kLockWaitTimeout, kDeadlock}) == 0,
                "writer transactions failed: " << outcome.total.summary());
  CHECK_MESSAGE(outcome.during.spelling_changes() > 0,
                "no key changed its spelling while the tool ran");
  if (spelling.trailing_spaces) {
    CHECK_MESSAGE(outcome.during.changes_of(SpellingOperation::kRespace) > 0,
                  "no key changed its trailing spaces while the tool ran");
  }
}

// Fills the table and its twin, migrates the table while the writers write,
// and checks the outcome against the twin.
void expect_migrates_while_spelling_changes(const SpellingCase& spelling) {
  auto c = connect();
  // Every server the tests start (MariaDB 10.11) has it: its absence is a failure, not a skip.
  if (spelling.trailing_spaces) {
    REQUIRE_MESSAGE(server_has_collation(*c, kNoPadCollation),
                    "the server has no collation " << kNoPadCollation);
  }
  ScratchDatabase database(test_server(), "oa_it_spelling");
  const TwinTables tables{database.name(), kTable, kTwin};
  require_utf8mb4_round_trip(*c);
  require_spellings_equal(*c, database.name(), spelling.trailing_spaces);
  create_twins(*c, tables, spelling.trailing_spaces);
  const SpellingOutcome outcome = run_while_spelling_changes(tables, spelling);

  CHECK_MESSAGE(outcome.tool.exit_code == 0, outcome.tool.describe());
  // As for every migration under writes (expect_migrated): a correct copy
  // leaves the verification nothing to find.
  if (outcome.tool.exit_code == 0) {
    CHECK_MESSAGE(
        outcome.tool.last_out_line().find(" 0 mismatches, 0 repaired") != std::string::npos,
        "the verification found differences\n"
            << outcome.tool.describe());
  }
  const TwinComparison comparison = compare_twins(*c, tables);
  CHECK_MESSAGE(comparison.matches(),
                "the table differs from its twin: " << comparison.summary() << "\n"
                                                    << outcome.tool.describe());
  expect_altered(*c, tables, spelling);
  CHECK(list_tables(*c, tables.database) == std::vector<std::string>{kTable, kTwin});
  CHECK(list_triggers(*c, tables.database).empty());
  expect_writers_overlapped(spelling, outcome);
}

}  // namespace

TEST_CASE("ADD COLUMN while writers change the spelling of keys (text statements)") {
  expect_migrates_while_spelling_changes(add_column(ClientMode::kText));
}

TEST_CASE("ADD COLUMN while writers change the spelling of keys (prepared statements)") {
  expect_migrates_while_spelling_changes(add_column(ClientMode::kPrepared));
}

TEST_CASE(
    "the key's collation changed to utf8mb4_bin while writers change the spelling of keys "
    "(text statements)") {
  expect_migrates_while_spelling_changes(to_binary_collation(ClientMode::kText));
}

TEST_CASE(
    "the key's collation changed to utf8mb4_bin while writers change the spelling of keys "
    "(prepared statements)") {
  expect_migrates_while_spelling_changes(to_binary_collation(ClientMode::kPrepared));
}

TEST_CASE(
    "a PAD SPACE key's collation changed to NO PAD while writers change the spelling of its "
    "trailing spaces (text statements)") {
  expect_migrates_while_spelling_changes(pad_to_no_pad_collation(ClientMode::kText));
}

TEST_CASE(
    "a PAD SPACE key's collation changed to NO PAD while writers change the spelling of its "
    "trailing spaces (prepared statements)") {
  expect_migrates_while_spelling_changes(pad_to_no_pad_collation(ClientMode::kPrepared));
}

}  // namespace oa::test
