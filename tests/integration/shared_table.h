// A filled table of integer_key_shape() shared by a Writer and probe clients:
// the first rows belong to the probes, the rest to the Writer, so that each
// keeps an exact record of its own rows.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "support/probe_client.h"
#include "support/record.h"
#include "support/table_spec.h"
#include "support/writer.h"

namespace oa::test {

class SharedTable {
 public:
  // Creates `database`.`table`, fills it with `rows` rows and reads them
  // back; the first `probe_rows` rows are for probes. Throws sql::SQLException.
  SharedTable(std::string database, std::string table, std::uint64_t rows, int probe_rows);

  const TableSpec& spec() const { return spec_; }
  const std::string& database() const { return database_; }
  const std::string& table() const { return table_; }

  // The rows a Writer may change: all but the probes' (its `initial`).
  const Record& writer_rows() const { return writer_rows_; }

  // Options for a Writer of `threads` threads on writer_rows(), as fast as it goes.
  WriterOptions writer_options(int threads) const;

  // The row of probe `index` (0 <= index < probe_rows).
  ProbeTarget probe_target(int index) const;

  // What the table must contain: `writer_record` (writer_rows() when no Writer
  // ran), and each probe's row with its counter at the probe's last committed
  // round; `probes[i]` is probe i.
  Record expected(const Record& writer_record, const std::vector<ProbeStats>& probes) const;

 private:
  TableSpec spec_;
  std::string database_;
  std::string table_;
  std::uint64_t rows_;
  Record writer_rows_;
  std::vector<Row> probe_rows_;
  std::size_t counter_index_ = 0;  // of the probes' counter column in a Row
};

}  // namespace oa::test
