#include "sql/quote.h"

namespace oa::sql {

std::string quote_identifier(std::string_view name) {
  std::string out;
  out.reserve(name.size() + 2);
  out += '`';
  for (char c : name) {
    if (c == '`') out += '`';
    out += c;
  }
  out += '`';
  return out;
}

std::string qualified_name(std::string_view db, std::string_view name) {
  return quote_identifier(db) + "." + quote_identifier(name);
}

std::string quoted_list(const std::vector<std::string>& names, std::string_view prefix) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += ", ";
    if (!prefix.empty()) {
      out += prefix;
      out += '.';
    }
    out += quote_identifier(name);
  }
  return out;
}

}  // namespace oa::sql
