#include <algorithm>
#include <iterator>

#include "preflight/checks.h"

namespace oa::preflight {
namespace {

// What a migration runs, privilege by privilege; sql/grants.sql says why each.
const std::set<std::string>& migration_privileges() {
  static const std::set<std::string> needed{"SELECT", "INSERT", "UPDATE", "DELETE",  "CREATE",
                                            "DROP",   "ALTER",  "INDEX",  "TRIGGER", "LOCK TABLES"};
  return needed;
}

std::string join(const std::set<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

}  // namespace

// Without this check a missing privilege shows only when the statement that
// needs it runs: TRIGGER after the shadow table was built, LOCK TABLES at the
// cut-over, after hours of copying.
CheckResult check_privileges(const schema::HeldPrivileges& held, const std::string& database) {
  // A role's grants are invisible here; refusing would turn away accounts
  // that have everything. The statements themselves still fail cleanly.
  if (held.unseen_grants) return std::nullopt;
  std::set<std::string> missing;
  std::set_difference(migration_privileges().begin(), migration_privileges().end(),
                      held.privileges.begin(), held.privileges.end(),
                      std::inserter(missing, missing.begin()));
  if (missing.empty()) return std::nullopt;
  return "the account " + held.account + " lacks " + join(missing) + " on `" + database +
         "`, which the migration needs; grant what sql/grants.sql lists (on the schema), then "
         "run again";
}

}  // namespace oa::preflight
