#include "migration_under_writes.h"

#include <cppconn/connection.h>

#include <stdexcept>
#include <thread>

#include "suite.h"
#include "support/table_fill.h"
#include "support/table_reader.h"

namespace oa::test {

MigrationUnderWrites::MigrationUnderWrites(const TableSpec& spec, std::string database,
                                           std::string table)
    : spec_(spec), database_(std::move(database)), table_(std::move(table)) {}

void MigrationUnderWrites::prepare(std::uint64_t rows) {
  auto connection = connect();
  create_table(*connection, spec_, database_, table_);
  fill_table(*connection, spec_, database_, table_, rows);
  initial_ = load_record(*connection, spec_, database_, table_);
  rows_ = rows;
}

Row MigrationUnderWrites::withhold(std::uint64_t n) {
  const std::string key = spec_.record_key_of(spec_.key_for(n));
  const Row* row = initial_.find(key);
  if (row == nullptr) throw std::invalid_argument("no row of number " + std::to_string(n));
  Row withheld = *row;
  initial_.erase(key);
  return withheld;
}

MigrationOutcome MigrationUnderWrites::run(const std::vector<std::string>& tool_args,
                                           const MigrationScenario& scenario) {
  WriterOptions options = scenario.writer;
  options.first_new_n = rows_;
  Writer writer(test_server(), spec_, database_, table_, initial_, options);
  std::this_thread::sleep_for(scenario.before);

  MigrationOutcome outcome;
  const std::uint64_t commits_before = writer.stats().commits;
  std::thread meanwhile;
  if (scenario.while_tool_runs) meanwhile = std::thread(scenario.while_tool_runs);
  outcome.tool = online_alter().run(tool_args);
  if (meanwhile.joinable()) meanwhile.join();
  outcome.commits_during_tool = writer.stats().commits - commits_before;
  std::this_thread::sleep_for(scenario.after);
  writer.stop();
  outcome.writer = writer.stats();
  outcome.record = writer.record();
  return outcome;
}

}  // namespace oa::test
