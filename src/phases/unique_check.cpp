#include "phases/unique_check.h"

#include <algorithm>
#include <chrono>

#include "error.h"
#include "log.h"
#include "sql/quote.h"
#include "sql/unique_probe.h"

namespace oa::phases {
namespace {

std::string key_name(const schema::Index& index) {
  return index.name == "PRIMARY" ? "PRIMARY KEY"
                                 : "UNIQUE key " + sql::quote_identifier(index.name);
}

// The original's columns for `index` of the shadow, read as the shadow will
// compare them; empty when a column has no source.
std::vector<sql::ProbedColumn> probed_columns(const plan::MigrationPlan& plan,
                                              const schema::TableInfo& original,
                                              const schema::TableInfo& shadow,
                                              const schema::Index& index) {
  std::vector<sql::ProbedColumn> out;
  for (const auto& target : index.columns) {
    const auto source = plan.mapping->source_of(target);
    if (!source) return {};
    const schema::Column* from = original.column(*source);
    const schema::Column* to = shadow.column(target);
    if (from == nullptr || to == nullptr) return {};
    sql::ProbedColumn p{from->name, "", ""};
    if (!to->collation.empty() && to->collation != from->collation) {
      p.charset = to->charset;
      p.collation = to->collation;
    }
    out.push_back(p);
  }
  return out;
}

// True when a unique key of the original already keeps these columns
// distinct: one over some of them, none of whose collations change.
bool guaranteed(const schema::TableInfo& original, const std::vector<sql::ProbedColumn>& columns) {
  auto probed = [&](const std::string& name) {
    return std::find_if(columns.begin(), columns.end(), [&](const sql::ProbedColumn& p) {
             return schema::same_column_name(p.name, name) && p.collation.empty();
           }) != columns.end();
  };
  return std::any_of(original.indexes.begin(), original.indexes.end(), [&](const auto& index) {
    return index.unique && !index.has_prefix_part &&
           std::all_of(index.columns.begin(), index.columns.end(), probed);
  });
}

std::string without_limit(const std::string& query) {
  const std::string limit = " LIMIT 1";
  return query.substr(0, query.size() - limit.size());
}

}  // namespace

void check_new_unique_keys(db::Connection& c, const plan::MigrationPlan& plan,
                           const schema::TableInfo& original, const schema::TableInfo& shadow) {
  for (const schema::Index& index : shadow.indexes) {
    if (!index.unique || index.has_prefix_part) continue;
    const auto columns = probed_columns(plan, original, shadow, index);
    if (columns.empty() || guaranteed(original, columns)) continue;
    const std::string query = sql::duplicate_probe(plan.database, plan.table, columns);
    log::info("checking the existing rows for duplicates under the new " + key_name(index) +
              " (reads the whole table once)");
    const auto rows = c.query(query);
    if (rows.empty()) continue;
    const db::Row& r = rows.front();
    std::string value;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) value += ", ";
      value += sql::quote_identifier(columns[i].name) + " = '" + r[i].value_or("NULL") + "'";
    }
    throw RefusedError("the new " + key_name(index) +
                       " would merge rows: " + r.back().value_or("?") + " rows of " +
                       sql::qualified_name(plan.database, plan.table) + " have " + value +
                       ". List every duplicate with: " + without_limit(query) +
                       "; then change or remove them, or leave the key out of the ALTER");
  }
}

}  // namespace oa::phases
