#include "sql/unique_probe.h"

#include "sql/quote.h"

namespace oa::sql {

std::string duplicate_probe(const std::string& db, const std::string& table,
                            const std::vector<ProbedColumn>& columns) {
  std::string values, not_null;
  for (const auto& c : columns) {
    const std::string name = quote_identifier(c.name);
    if (!values.empty()) {
      values += ", ";
      not_null += " AND ";
    }
    values += c.collation.empty() ? name
                                  : "CONVERT(" + name + " USING " + quote_identifier(c.charset) +
                                        ") COLLATE " + quote_identifier(c.collation);
    not_null += name + " IS NOT NULL";
  }
  return "SELECT " + values + ", COUNT(*) FROM " + qualified_name(db, table) + " WHERE " +
         not_null + " GROUP BY " + values + " HAVING COUNT(*) > 1 LIMIT 1";
}

}  // namespace oa::sql
