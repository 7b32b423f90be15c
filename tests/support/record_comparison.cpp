#include "support/record_comparison.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

#include "support/sql_text.h"
#include "support/table_reader.h"

namespace oa::test {
namespace {

std::string show(const Value& value) { return value ? "'" + printable(*value) + "'" : "NULL"; }

}  // namespace

std::string Comparison::summary() const {
  std::ostringstream text;
  if (matches()) {
    text << "matches: " << table_rows << " rows";
    return text.str();
  }
  text << missing << " missing, " << extra << " extra, " << differing << " differing (table "
       << table_rows << " rows, record " << record_rows << " rows)";
  for (std::size_t i = 0; i < examples.size(); ++i) {
    text << (i == 0 ? "; first: " : "; ") << examples[i];
  }
  return text.str();
}

Comparison compare_with_record(sql::Connection& connection, const TableSpec& spec,
                               const std::string& database, const std::string& table,
                               const Record& record, const ComparisonOptions& options) {
  // Only the key and the chosen columns are read, so a column the migration
  // dropped (or added) is never asked for. `position` maps each column read to
  // its place in the record's rows.
  TableSpec read_spec = spec;
  std::vector<std::size_t> position;
  for (std::size_t i = 0; i < spec.key.size(); ++i) position.push_back(i);
  if (!options.columns.empty()) {
    read_spec.columns.clear();
    for (const std::string& name : options.columns) {
      auto found = std::find_if(spec.columns.begin(), spec.columns.end(),
                                [&name](const ColumnSpec& c) { return c.name == name; });
      if (found == spec.columns.end()) {
        // Key columns are always compared; naming one is allowed and changes nothing.
        bool is_key = false;
        for (const KeyColumnSpec& k : spec.key) is_key = is_key || k.name == name;
        if (!is_key) throw std::invalid_argument("no column " + name + " in the spec");
        continue;
      }
      read_spec.columns.push_back(*found);
      position.push_back(spec.key.size() + static_cast<std::size_t>(found - spec.columns.begin()));
    }
  } else {
    for (std::size_t i = 0; i < spec.columns.size(); ++i) position.push_back(spec.key.size() + i);
  }
  const std::vector<std::string> names = read_spec.column_names();

  // One pass over the table, keeping only the keys it has seen: a large table
  // is never held in memory twice.
  Comparison result;
  result.record_rows = record.size();
  auto example = [&](const std::string& text) {
    if (result.examples.size() < options.max_examples) result.examples.push_back(text);
  };
  std::unordered_set<std::string> seen;
  TableReader(read_spec, database, table).for_each(connection, [&](Row&& row) {
    ++result.table_rows;
    std::string key = read_spec.record_key(row);
    const Row* expected = record.find(key);
    if (expected == nullptr || !seen.insert(std::move(key)).second) {
      ++result.extra;  // not in the record, or a second row with the same key
      example("extra: " + read_spec.describe_key(row));
      return;
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      const Value& want = (*expected)[position[i]];
      if (row[i] == want) continue;
      ++result.differing;
      std::string text =
          "differs: " + spec.describe_key(*expected) + " column " + printable(names[i]);
      if (options.show_values) text += " table " + show(row[i]) + " record " + show(want);
      example(text);
      break;
    }
  });
  for (const auto& [key, expected] : record.rows()) {
    if (seen.count(key) != 0) continue;
    ++result.missing;
    example("missing: " + spec.describe_key(expected));
  }
  return result;
}

}  // namespace oa::test
