// The privileges of the account a session runs as, as the server reports them.
#pragma once

#include <set>
#include <string>

namespace oa::schema {

struct HeldPrivileges {
  std::string account;               // CURRENT_USER(): "user@host"
  std::set<std::string> privileges;  // "SELECT", "LOCK TABLES", ...: global or on the schema
  // A role is active: its privileges are not in `privileges` (information_schema
  // shows an account only its own grants), so `privileges` may be incomplete.
  bool role_active = false;
};

}  // namespace oa::schema
