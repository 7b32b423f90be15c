// The independent record of what a table should contain: every committed row,
// keyed by TableSpec::record_key. Written by the Writer after each COMMIT,
// never from anything online-alter reports.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "support/row.h"

namespace oa::test {

class Record {
 public:
  // Sets the row with identity `key` (replacing any previous one).
  void put(const std::string& key, Row row);

  // Removes the row with identity `key`; returns whether there was one.
  bool erase(const std::string& key);

  // The row with identity `key`, or nullptr.
  const Row* find(const std::string& key) const;

  // Adds every row of `other` (rows of the same identity are replaced).
  void merge(const Record& other);

  std::size_t size() const { return rows_.size(); }
  const std::map<std::string, Row>& rows() const { return rows_; }

 private:
  std::map<std::string, Row> rows_;
};

}  // namespace oa::test
