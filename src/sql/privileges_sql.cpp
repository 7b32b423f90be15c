#include "sql/privileges_sql.h"

#include <optional>
#include <string_view>

namespace oa::sql {

std::string current_account() { return "SELECT CURRENT_USER()"; }

std::string current_role() { return "SELECT CURRENT_ROLE()"; }

// Table-level grants are left out: the tool creates tables (shadow, change
// log, checkpoint) that a grant on one table cannot cover. A schema grant is
// a LIKE pattern ('_' and '%' are wildcards unless escaped), which is how the
// server matches it too.
std::string held_privileges() {
  return "SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = ? "
         "UNION SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES "
         "WHERE GRANTEE = ? AND ? LIKE TABLE_SCHEMA";
}

std::string show_grants() { return "SHOW GRANTS"; }

bool grants_roles(const std::vector<std::string>& lines) {
  for (const auto& line : lines) {
    if (line.rfind("GRANT ", 0) == 0 && line.find(" ON ") == std::string::npos) return true;
  }
  return false;
}

namespace {

// Whether `name` matches the grant's schema `pattern` as the server matches
// it: '%' any run, '_' any character, a backslash makes the next one literal.
bool matches(std::string_view pattern, std::string_view name) {
  if (pattern.empty()) return name.empty();
  if (pattern[0] == '%') {
    for (std::size_t skip = 0; skip <= name.size(); ++skip) {
      if (matches(pattern.substr(1), name.substr(skip))) return true;
    }
    return false;
  }
  std::size_t width = 1;
  char expected = pattern[0];
  if (expected == '\\' && pattern.size() > 1) {
    expected = pattern[1];
    width = 2;
  } else if (expected == '_') {
    return !name.empty() && matches(pattern.substr(1), name.substr(1));
  }
  return !name.empty() && name[0] == expected && matches(pattern.substr(width), name.substr(1));
}

// `db` from "`db`.*" (doubled backticks undone), "*" from "*.*", or nullopt
// for a table or column grant.
std::optional<std::string> schema_of(const std::string& object) {
  if (object == "*.*") return std::string("*");
  if (object.size() < 4 || object[0] != '`' || object.compare(object.size() - 3, 3, "`.*") != 0) {
    return std::nullopt;
  }
  std::string name;
  for (std::size_t i = 1; i + 3 < object.size(); ++i) {
    name += object[i];
    if (object[i] == '`') ++i;  // `` stands for one backtick
  }
  return name;
}

const std::vector<std::string>& all_privileges() {
  static const std::vector<std::string> all{
      "SELECT",      "INSERT",    "UPDATE",  "DELETE",      "CREATE",     "DROP",
      "ALTER",       "INDEX",     "TRIGGER", "LOCK TABLES", "REFERENCES", "CREATE TEMPORARY TABLES",
      "CREATE VIEW", "SHOW VIEW", "EVENT"};
  return all;
}

}  // namespace

std::set<std::string> public_privileges_on(const std::vector<std::string>& lines,
                                           const std::string& database) {
  std::set<std::string> privileges;
  const std::string tail = " TO PUBLIC";
  for (const auto& line : lines) {
    const auto on = line.find(" ON ");
    if (line.rfind("GRANT ", 0) != 0 || on == std::string::npos || line.size() < tail.size() ||
        line.compare(line.size() - tail.size(), tail.size(), tail) != 0) {
      continue;
    }
    const std::string object = line.substr(on + 4, line.size() - tail.size() - on - 4);
    const auto schema = schema_of(object);
    if (!schema || (*schema != "*" && !matches(*schema, database))) continue;
    // "SELECT, INSERT (`c`), LOCK TABLES": a column grant is not a schema grant.
    std::string list = line.substr(6, on - 6), item;
    int depth = 0;
    auto take = [&] {
      const auto first = item.find_first_not_of(' ');
      if (first != std::string::npos && item.find('(') == std::string::npos) {
        const std::string name = item.substr(first, item.find_last_not_of(' ') - first + 1);
        if (name == "ALL PRIVILEGES" || name == "ALL") {
          privileges.insert(all_privileges().begin(), all_privileges().end());
        } else {
          privileges.insert(name);
        }
      }
      item.clear();
    };
    for (char c : list) {
      if (c == '(') ++depth;
      if (c == ')') --depth;
      if (c == ',' && depth == 0) {
        take();
      } else {
        item += c;
      }
    }
    take();
  }
  return privileges;
}

std::string grantee_of(const std::string& current_user) {
  const auto at = current_user.rfind('@');
  if (at == std::string::npos) return "'" + current_user + "'";
  return "'" + current_user.substr(0, at) + "'@'" + current_user.substr(at + 1) + "'";
}

}  // namespace oa::sql
