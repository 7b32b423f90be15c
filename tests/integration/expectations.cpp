#include "expectations.h"

#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <sstream>

#include "suite.h"
#include "support/sql_text.h"
#include "support/text_query.h"

namespace oa::test {
namespace {

constexpr int kDeadlock = 1213;         // ER_LOCK_DEADLOCK
constexpr int kLockWaitTimeout = 1205;  // ER_LOCK_WAIT_TIMEOUT

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + printable(item, 80);
  return "[" + text + "]";
}

// The lines of `text` that start with "error: ".
std::vector<std::string> error_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) {
    if (line.rfind("error: ", 0) == 0) lines.push_back(line);
  }
  return lines;
}

}  // namespace

DatabaseSnapshot snapshot_database(const std::string& database) {
  auto connection = connect();
  DatabaseSnapshot snapshot;
  snapshot.tables = list_tables(*connection, database);
  snapshot.triggers = list_triggers(*connection, database);
  for (const std::string& table : snapshot.tables) {
    const std::vector<Row> definition =
        query_rows(*connection, "SHOW CREATE TABLE " + qualified_name(database, table));
    snapshot.definitions[table] = definition.at(0).at(1).value_or("");
    snapshot.contents[table] = content_hash(*connection, database, table);
  }
  return snapshot;
}

void expect_unchanged(const std::string& database, const DatabaseSnapshot& before) {
  const DatabaseSnapshot after = snapshot_database(database);
  CHECK_MESSAGE(after.tables == before.tables,
                "tables before " << join(before.tables) << ", after " << join(after.tables));
  CHECK_MESSAGE(after.triggers == before.triggers,
                "triggers before " << join(before.triggers) << ", after " << join(after.triggers));
  for (const auto& [table, definition] : before.definitions) {
    auto found = after.definitions.find(table);
    if (found == after.definitions.end()) continue;  // reported by the table list check
    CHECK_MESSAGE(found->second == definition, "definition of " << printable(table, 80)
                                                                << " changed:\n"
                                                                << definition << "\nbefore,\n"
                                                                << found->second << "\nafter");
  }
  for (const auto& [table, hash] : before.contents) {
    auto found = after.contents.find(table);
    if (found == after.contents.end()) continue;  // reported by the table list check
    CHECK_MESSAGE(found->second == hash,
                  "content of " << printable(table, 80) << " changed: " << hash.describe()
                                << " before, " << found->second.describe() << " after");
  }
}

void expect_migrated(const TableSpec& spec, const std::string& database, const std::string& table,
                     const MigrationOutcome& outcome,
                     const std::vector<std::string>& own_triggers) {
  CHECK_MESSAGE(outcome.tool.exit_code == 0, outcome.tool.describe());
  CHECK_MESSAGE(outcome.tool.last_out_line().rfind("done:", 0) == 0,
                "the last stdout line does not start with \"done:\"\n"
                    << outcome.tool.describe());
  // Every migration compares the tables before its swap; a correct copy under
  // writes leaves nothing for it to find.
  CHECK_MESSAGE(outcome.tool.last_out_line().find(" 0 mismatches, 0 repaired") != std::string::npos,
                "the verification found differences\n"
                    << outcome.tool.describe());
  expect_matches_record(spec, database, table, outcome.record);

  auto connection = connect();
  const std::vector<std::string> tables = list_tables(*connection, database);
  CHECK_MESSAGE(
      tables == std::vector<std::string>{table},
      "tables left: " << join(tables) << " (expected only " << printable(table, 80) << ")");
  const std::vector<std::string> triggers = list_triggers(*connection, database);
  CHECK_MESSAGE(triggers == own_triggers,
                "triggers: " << join(triggers) << " (expected " << join(own_triggers) << ")");

  MESSAGE("writer: " << outcome.writer.summary() << "; " << outcome.commits_during_tool
                     << " commits while the tool ran (" << outcome.tool.seconds << " s)");
  CHECK_MESSAGE(outcome.commits_during_tool > 0, "the writer did not overlap the migration");
  expect_writer_succeeded(outcome.writer);
}

void expect_writer_succeeded(const WriterStats& writer) {
  CHECK_MESSAGE(writer.errors_except({kDeadlock, kLockWaitTimeout}) == 0,
                "writer transactions failed: " << writer.summary());
  WARN_MESSAGE(writer.errors == 0, "writer saw lock errors: " << writer.summary());
}

void expect_matches_record(const TableSpec& spec, const std::string& database,
                           const std::string& table, const Record& record) {
  auto connection = connect();
  ComparisonOptions options;
  options.show_values = true;
  const Comparison comparison =
      compare_with_record(*connection, spec, database, table, record, options);
  CHECK_MESSAGE(comparison.matches(), printable(table, 80)
                                          << " differs from the record: " << comparison.summary());
}

void expect_error(const ToolResult& result, int exit_code, const std::vector<std::string>& words) {
  CHECK_MESSAGE(result.exit_code == exit_code,
                "expected exit code " << exit_code << ", got " << result.describe());
  const std::vector<std::string> errors = error_lines(result.err);
  bool named = false;
  for (const std::string& line : errors) {
    for (const std::string& word : words) named = named || contains_ignoring_case(line, word);
  }
  CHECK_MESSAGE(named, "no \"error: \" line on stderr names any of " << join(words) << "\n"
                                                                     << result.describe());
}

const std::vector<std::string> kSlowCopy = {"--execute", "--chunk-size", "500", "--sleep", "0.05"};

MigrationScenario full_speed() {
  MigrationScenario s;
  s.writer.threads = 4;
  s.writer.rate = 0;
  return s;
}

void expect_migrates_under_writes(const TableSpec& spec, const std::string& database,
                                  const std::string& table, std::uint64_t rows,
                                  const std::string& alter) {
  MigrationUnderWrites migration(spec, database, table);
  migration.prepare(rows);
  const MigrationOutcome outcome =
      migration.run(tool_args(database, table, alter, kSlowCopy), full_speed());
  expect_migrated(spec, database, table, outcome);
}

}  // namespace oa::test
