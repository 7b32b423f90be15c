// The privileges of the account a session runs as, as the server reports them.
#pragma once

#include <set>
#include <string>

namespace oa::schema {

struct HeldPrivileges {
  std::string account;               // CURRENT_USER(): "user@host"
  std::set<std::string> privileges;  // "SELECT", "LOCK TABLES", ...: global or on the schema
  // The account has grants `privileges` cannot include: information_schema
  // shows an account only its own grants, not an active or granted role's,
  // nor those to PUBLIC. `privileges` may then be incomplete.
  bool unseen_grants = false;
};

}  // namespace oa::schema
