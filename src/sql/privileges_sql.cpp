#include "sql/privileges_sql.h"

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

std::string grantee_of(const std::string& current_user) {
  const auto at = current_user.rfind('@');
  if (at == std::string::npos) return "'" + current_user + "'";
  return "'" + current_user.substr(0, at) + "'@'" + current_user.substr(at + 1) + "'";
}

}  // namespace oa::sql
