// Checks shared by the integration tests (doctest CHECKs: a failure is
// reported and the test goes on).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "migration_under_writes.h"
#include "support/inventory.h"
#include "support/record_comparison.h"
#include "support/table_spec.h"

namespace oa::test {

// Everything a database holds: its tables, its triggers, each table's
// definition (SHOW CREATE TABLE) and content.
struct DatabaseSnapshot {
  std::vector<std::string> tables;
  std::vector<std::string> triggers;
  std::map<std::string, std::string> definitions;
  std::map<std::string, ContentHash> contents;
};

// Takes a snapshot of `database`. Throws sql::SQLException.
DatabaseSnapshot snapshot_database(const std::string& database);

// Checks that `database` still holds exactly what `before` recorded.
void expect_unchanged(const std::string& database, const DatabaseSnapshot& before);

// Checks that the tool exited 0 with a "done:" line; that `table` matches the
// record over the spec's columns; that `table` is the only table and the
// triggers are exactly `own_triggers` ("table.trigger", sorted: the table's
// own, none by default); that the Writer committed while the tool ran and
// expect_writer_succeeded().
void expect_migrated(const TableSpec& spec, const std::string& database, const std::string& table,
                     const MigrationOutcome& outcome,
                     const std::vector<std::string>& own_triggers = {});

// Checks that the Writer had no failures other than deadlocks and lock wait
// timeouts (which are reported as warnings).
void expect_writer_succeeded(const WriterStats& writer);

// The tool's options for a copy of many chunks with a pause between them, so
// that the copy overlaps the Writer's transactions.
extern const std::vector<std::string> kSlowCopy;

// Four Writer threads as fast as they go.
MigrationScenario full_speed();

// The common case: fills `table` with `rows` rows of `spec`, runs
// `--alter alter` with kSlowCopy under full_speed(), then expect_migrated().
void expect_migrates_under_writes(const TableSpec& spec, const std::string& database,
                                  const std::string& table, std::uint64_t rows,
                                  const std::string& alter);

// Checks that `table` matches `record` over the spec's columns.
void expect_matches_record(const TableSpec& spec, const std::string& database,
                           const std::string& table, const Record& record);

// Checks that the tool failed with exit code `exit_code` and an "error: " line on
// stderr containing one of `words` (ignoring case).
void expect_error(const ToolResult& result, int exit_code, const std::vector<std::string>& words);

}  // namespace oa::test
