// The standard scenario of the migration tests: a filled table, a Writer with
// its record running before, during and after an `online-alter --execute`.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "support/record.h"
#include "support/row.h"
#include "support/table_spec.h"
#include "support/tool_run.h"
#include "support/writer.h"
#include "support/writer_stats.h"

namespace oa::test {

struct MigrationOutcome {
  ToolResult tool;
  WriterStats writer;                     // over the whole run
  std::uint64_t commits_during_tool = 0;  // committed while the tool ran
  Record record;                          // what the table must contain now
};

struct MigrationScenario {
  WriterOptions writer;                   // first_new_n is set past the filled rows
  std::chrono::milliseconds before{500};  // writing before the tool starts
  std::chrono::milliseconds after{1000};  // writing after the tool finished
  // Run on a thread of its own while the tool runs (it must return by itself).
  std::function<void()> while_tool_runs;
};

class MigrationUnderWrites {
 public:
  // For `database`.`table` of shape `spec` (which must outlive this object).
  MigrationUnderWrites(const TableSpec& spec, std::string database, std::string table);

  // Creates the table, fills it with `rows` rows and loads the record. Throws
  // sql::SQLException.
  void prepare(std::uint64_t rows);

  // Requires prepare(). Takes the row of key number `n` (TableSpec::key_for)
  // out of the rows the Writer may change, so that the test may change it
  // itself; the outcome's record leaves it out. Returns the row as filled.
  // Throws std::invalid_argument when there is no such row.
  Row withhold(std::uint64_t n);

  // Requires prepare(). Starts the Writer, runs the tool with `tool_args`
  // (which must include --execute), keeps writing for scenario.after, stops
  // the Writer. The tool's failures are in the outcome, never thrown.
  MigrationOutcome run(const std::vector<std::string>& tool_args,
                       const MigrationScenario& scenario = {});

 private:
  const TableSpec& spec_;
  std::string database_;
  std::string table_;
  std::uint64_t rows_ = 0;
  Record initial_;
};

}  // namespace oa::test
