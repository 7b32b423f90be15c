#include "sql/key_collation.h"

#include <algorithm>

#include "sql/quote.h"

namespace oa::sql {

const KeyCollation* collation_change(const KeyCollations& collations, std::size_t i) {
  return i < collations.size() && collations[i] ? &*collations[i] : nullptr;
}

bool any_collation_change(const KeyCollations& collations) {
  return std::any_of(collations.begin(), collations.end(),
                     [](const std::optional<KeyCollation>& c) { return c.has_value(); });
}

std::string as_original(const std::string& expression, const KeyCollation& change) {
  return "CONVERT(" + expression + " USING " + quote_identifier(change.original_charset) +
         ") COLLATE " + quote_identifier(change.original_collation);
}

std::string bytes_as_shadow(const std::string& bytes, const KeyCollation& change) {
  return "CONVERT(CAST(" + bytes + " AS CHAR CHARACTER SET " +
         quote_identifier(change.original_charset) + ") USING " +
         quote_identifier(change.shadow_charset) + ") COLLATE " +
         quote_identifier(change.shadow_collation);
}

std::vector<std::string> keys_as_original(const std::vector<std::string>& columns,
                                          const KeyCollations& collations,
                                          const std::string& prefix) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string column = prefix + quote_identifier(columns[i]);
    const KeyCollation* change = collation_change(collations, i);
    out.push_back(change ? as_original(column, *change) : column);
  }
  return out;
}

}  // namespace oa::sql
