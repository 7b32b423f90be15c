#include "schema/table_info.h"

#include <algorithm>
#include <cctype>

namespace oa::schema {

bool same_column_name(const std::string& a, const std::string& b) {
  // ASCII folding only: enough for the names MySQL folds the same way in
  // every collation, and never merges two distinct non-ASCII names.
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

const Column* TableInfo::column(const std::string& name) const {
  for (const auto& c : columns) {
    if (same_column_name(c.name, name)) return &c;
  }
  return nullptr;
}

const Index* TableInfo::index(const std::string& name) const {
  for (const auto& i : indexes) {
    if (i.name == name) return &i;
  }
  return nullptr;
}

bool TableInfo::all_not_null(const Index& index) const {
  return std::all_of(index.columns.begin(), index.columns.end(), [this](const std::string& n) {
    const Column* c = column(n);
    return c != nullptr && !c->nullable;
  });
}

}  // namespace oa::schema
