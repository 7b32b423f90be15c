#include "support/record.h"

namespace oa::test {

void Record::put(const std::string& key, Row row) { rows_[key] = std::move(row); }

bool Record::erase(const std::string& key) { return rows_.erase(key) > 0; }

const Row* Record::find(const std::string& key) const {
  auto it = rows_.find(key);
  return it == rows_.end() ? nullptr : &it->second;
}

void Record::merge(const Record& other) {
  for (const auto& [key, row] : other.rows_) rows_[key] = row;
}

}  // namespace oa::test
