#include "support/twin_comparison.h"

#include <map>
#include <sstream>
#include <utility>

#include "support/sql_text.h"
#include "support/text_query.h"

namespace oa::test {
namespace {

// A row's identity: n, then the bytes of its name (in hex). Sorted by n
// first, so the differences of one key appear next to each other.
using RowKey = std::pair<long long, std::string>;
struct RowValues {
  std::string name;
  std::string v;
};
using Rows = std::map<RowKey, RowValues>;

Rows read_rows(sql::Connection& connection, const std::string& database, const std::string& table) {
  Rows rows;
  for_each_row(connection, "SELECT n, HEX(name), name, v FROM " + qualified_name(database, table),
               [&rows](Row&& row) {
                 rows[{std::stoll(row.at(0).value_or("0")), row.at(1).value_or("")}] = {
                     row.at(2).value_or(""), row.at(3).value_or("")};
               });
  return rows;
}

std::string describe_row(const RowKey& key, const RowValues& values) {
  return "(name '" + printable(values.name) + "' = X'" + key.second +
         "', n = " + std::to_string(key.first) + ", v = " + values.v + ")";
}

}  // namespace

std::string TwinComparison::summary() const {
  std::ostringstream text;
  if (matches()) {
    text << "equal: " << table_rows << " rows";
    return text.str();
  }
  text << only_in_table << " only in the table, " << only_in_twin << " only in the twin, "
       << differing << " differing (table " << table_rows << " rows, twin " << twin_rows
       << " rows); first:";
  for (const std::string& example : examples) text << "\n  " << example;
  return text.str();
}

TwinComparison compare_twins(sql::Connection& connection, const TwinTables& tables,
                             std::size_t max_examples) {
  const Rows table = read_rows(connection, tables.database, tables.table);
  const Rows twin = read_rows(connection, tables.database, tables.twin);
  TwinComparison result;
  result.table_rows = table.size();
  result.twin_rows = twin.size();
  auto example = [&](const std::string& text) {
    if (result.examples.size() < max_examples) result.examples.push_back(text);
  };
  // One walk over both in key order.
  auto in_table = table.begin();
  auto in_twin = twin.begin();
  while (in_table != table.end() || in_twin != twin.end()) {
    if (in_twin == twin.end() || (in_table != table.end() && in_table->first < in_twin->first)) {
      ++result.only_in_table;
      example("only in the table: " + describe_row(in_table->first, in_table->second));
      ++in_table;
    } else if (in_table == table.end() || in_twin->first < in_table->first) {
      ++result.only_in_twin;
      example("only in the twin: " + describe_row(in_twin->first, in_twin->second));
      ++in_twin;
    } else {
      if (in_table->second.v != in_twin->second.v) {
        ++result.differing;
        example("differs: " + describe_row(in_table->first, in_table->second) +
                " in the table, v = " + in_twin->second.v + " in the twin");
      }
      ++in_table;
      ++in_twin;
    }
  }
  return result;
}

}  // namespace oa::test
