#include "sql/privileges_sql.h"

#include <doctest/doctest.h>

using namespace oa::sql;

TEST_CASE("the account's privileges: global and on the schema, by pattern") {
  CHECK(current_account() == "SELECT CURRENT_USER()");
  CHECK(current_role() == "SELECT CURRENT_ROLE()");
  CHECK(held_privileges() ==
        "SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = ? "
        "UNION SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES "
        "WHERE GRANTEE = ? AND ? LIKE TABLE_SCHEMA");
}

TEST_CASE("GRANTEE is written as information_schema writes it") {
  CHECK(grantee_of("online_alter@%") == "'online_alter'@'%'");
  CHECK(grantee_of("app@10.0.%") == "'app'@'10.0.%'");
  CHECK(grantee_of("a@b@localhost") == "'a@b'@'localhost'");
  CHECK(grantee_of("") == "''");
}
