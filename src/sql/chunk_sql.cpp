#include "sql/chunk_sql.h"

#include "sql/quote.h"

namespace oa::sql {
namespace {

// OR over i of (e1 = ? AND ... AND e(i-1) = ? AND ei OP ?), where OP is
// `strict` for all but the last expression and `last` for the last one.
Predicate tuple_compare(const std::vector<std::string>& expressions, const char* strict,
                        const char* last) {
  Predicate p;
  for (std::size_t i = 0; i < expressions.size(); ++i) {
    if (i > 0) p.text += " OR ";
    p.text += "(";
    for (std::size_t j = 0; j < i; ++j) {
      p.text += expressions[j] + " = ? AND ";
      p.slots.push_back(j);
    }
    const char* op = i + 1 == expressions.size() ? last : strict;
    p.text += expressions[i] + " " + op + " ?)";
    p.slots.push_back(i);
  }
  return p;
}

std::vector<std::string> quoted(const std::vector<std::string>& columns) {
  std::vector<std::string> out;
  for (const auto& c : columns) out.push_back(quote_identifier(c));
  return out;
}

std::string from_index(const ChunkTable& t) {
  return " FROM " + qualified_name(t.db, t.table) + " FORCE INDEX (" + quote_identifier(t.index) +
         ")";
}

std::string order_by(const ChunkTable& t, const char* direction) {
  std::string out = " ORDER BY ";
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (i > 0) out += ", ";
    out += quote_identifier(t.columns[i]) + " " + direction;
  }
  return out;
}

}  // namespace

Predicate key_after(const std::vector<std::string>& columns) {
  return tuple_compare(quoted(columns), ">", ">");
}

Predicate key_up_to(const std::vector<std::string>& columns) {
  return tuple_compare(quoted(columns), "<", "<=");
}

std::string next_boundary(const ChunkTable& t, bool has_lower) {
  std::string where = "(" + key_up_to(t.columns).text + ")";
  if (has_lower) where = "(" + key_after(t.columns).text + ") AND " + where;
  return "SELECT " + quoted_list(t.columns) + from_index(t) + " WHERE " + where +
         order_by(t, "ASC") + " LIMIT 1 OFFSET ?";
}

std::string last_key(const ChunkTable& t) {
  return "SELECT " + quoted_list(t.columns) + from_index(t) + order_by(t, "DESC") + " LIMIT 1";
}

std::string key_range(const std::vector<std::string>& columns, bool has_lower, bool has_upper) {
  return expression_range(quoted(columns), has_lower, has_upper);
}

std::string expression_range(const std::vector<std::string>& expressions, bool has_lower,
                             bool has_upper) {
  std::string where;
  if (has_lower) where = "(" + tuple_compare(expressions, ">", ">").text + ")";
  if (has_upper) {
    where += (has_lower ? " AND (" : "(") + tuple_compare(expressions, "<", "<=").text + ")";
  }
  return where.empty() ? "" : " WHERE " + where;
}

std::string copy_chunk(const CopySpec& spec, bool has_lower, bool has_upper) {
  const std::string shadow = qualified_name(spec.from.db, spec.shadow);
  return "INSERT INTO " + shadow + " (" + quoted_list(spec.target_columns) + ") SELECT " +
         quoted_list(spec.source_columns) + from_index(spec.from) +
         key_range(spec.from.columns, has_lower, has_upper);
}

}  // namespace oa::sql
