#include "shared_table.h"

#include <cppconn/connection.h>

#include <algorithm>
#include <stdexcept>

#include "suite.h"
#include "support/table_fill.h"
#include "support/table_reader.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

const char kCounterColumn[] = "k";  // INT NOT NULL in integer_key_shape()
// Probe i copies its row to keys from kScratchKeys + i * kScratchKeysPerProbe:
// far above any key the fill or a Writer uses.
constexpr std::uint64_t kScratchKeys = 1000000000000;
constexpr std::uint64_t kScratchKeysPerProbe = 1000000000;

}  // namespace

SharedTable::SharedTable(std::string database, std::string table, std::uint64_t rows,
                         int probe_rows)
    : spec_(integer_key_shape()),
      database_(std::move(database)),
      table_(std::move(table)),
      rows_(rows) {
  if (probe_rows < 0 || static_cast<std::uint64_t>(probe_rows) > rows) {
    throw std::invalid_argument("SharedTable: more probe rows than rows");
  }
  const std::vector<std::string> columns = spec_.column_names();
  counter_index_ = static_cast<std::size_t>(
      std::find(columns.begin(), columns.end(), kCounterColumn) - columns.begin());
  auto connection = connect();
  create_table(*connection, spec_, database_, table_);
  fill_table(*connection, spec_, database_, table_, rows);
  writer_rows_ = load_record(*connection, spec_, database_, table_);
  for (int i = 0; i < probe_rows; ++i) {
    const std::string key = spec_.record_key_of(spec_.key_for(static_cast<std::uint64_t>(i)));
    probe_rows_.push_back(*writer_rows_.find(key));
    writer_rows_.erase(key);
  }
}

WriterOptions SharedTable::writer_options(int threads) const {
  WriterOptions options;
  options.threads = threads;
  options.rate = 0;
  options.first_new_n = rows_;
  return options;
}

ProbeTarget SharedTable::probe_target(int index) const {
  ProbeTarget target;
  target.database = database_;
  target.table = table_;
  target.key_column = spec_.key.at(0).name;
  target.key = std::stoull(*probe_rows_.at(static_cast<std::size_t>(index)).at(0));
  target.counter_column = kCounterColumn;
  target.columns = spec_.column_names();
  target.scratch_keys_from =
      kScratchKeys + static_cast<std::uint64_t>(index) * kScratchKeysPerProbe;
  return target;
}

Record SharedTable::expected(const Record& writer_record,
                             const std::vector<ProbeStats>& probes) const {
  if (probes.size() > probe_rows_.size()) throw std::invalid_argument("more probes than rows");
  Record expected = writer_record;
  for (std::size_t i = 0; i < probe_rows_.size(); ++i) {
    Row row = probe_rows_[i];
    if (i < probes.size() && probes[i].last_counter > 0) {
      row.at(counter_index_) = std::to_string(probes[i].last_counter);
    }
    const std::string key = spec_.record_key(row);
    expected.put(key, std::move(row));
  }
  return expected;
}

}  // namespace oa::test
