// Text of the queries that read the privileges of the session's account.
// Pure functions; values are placeholders.
#pragma once

#include <string>

namespace oa::sql {

// CURRENT_USER(): "user@host", the account the server authenticated.
std::string current_account();

// CURRENT_ROLE(): the active role; NULL (MariaDB) or "NONE" (MySQL 8) when
// none is. MySQL 5.7, which has no roles, refuses it with error 1305.
std::string current_role();

// PRIVILEGE_TYPE of each privilege an account holds on every schema (global)
// or on one schema, by name or by a wildcard grant such as `app\_%`.
// Placeholders: the grantee (see grantee_of), the grantee again, the schema.
std::string held_privileges();

// The account as information_schema writes GRANTEE ("'user'@'host'"), from
// CURRENT_USER()'s "user@host" (split at the last '@').
std::string grantee_of(const std::string& current_user);

}  // namespace oa::sql
