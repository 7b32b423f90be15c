// Text of the queries that read the privileges of the session's account.
// Pure functions; values are placeholders.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace oa::sql {

// CURRENT_USER(): "user@host", the account the server authenticated.
std::string current_account();

// CURRENT_ROLE(): the active role; NULL (MariaDB) or "NONE" (MySQL 8) when
// none is. MySQL 5.7, which has no roles, refuses it with error 1305.
std::string current_role();

// PRIVILEGE_TYPE of each privilege an account holds on every schema (global)
// or on one schema, by name or by a wildcard grant such as `app\_%`.
// Placeholders: the grantee (see grantee_of), the grantee again, the schema.
// Grants to PUBLIC (MariaDB 10.11 and later) are not among them for an
// account that cannot read the grant tables: see public_privileges_on.
std::string held_privileges();

// The account as information_schema writes GRANTEE ("'user'@'host'"), from
// CURRENT_USER()'s "user@host" (split at the last '@').
std::string show_grants();
// True when SHOW GRANTS `lines` grant the account a role ("GRANT `r` TO
// ...", no ON), whose privileges information_schema does not show. Pure.
bool grants_roles(const std::vector<std::string>& lines);
// The privileges that SHOW GRANTS `lines` grant TO PUBLIC globally or on a
// schema pattern that matches `database` (information_schema shows them only
// to accounts that may read the grant tables). Column and table grants are
// left out; ALL PRIVILEGES is spelled out. Pure.
std::set<std::string> public_privileges_on(const std::vector<std::string>& lines,
                                           const std::string& database);

std::string grantee_of(const std::string& current_user);

}  // namespace oa::sql
