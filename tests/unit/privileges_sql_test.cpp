#include "sql/privileges_sql.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

using namespace oa::sql;

TEST_CASE("the account's privileges: global and on the schema, by pattern") {
  CHECK(current_account() == "SELECT CURRENT_USER()");
  CHECK(current_role() == "SELECT CURRENT_ROLE()");
  CHECK(held_privileges() ==
        "SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = ? "
        "UNION SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES "
        "WHERE GRANTEE = ? AND ? LIKE TABLE_SCHEMA");
  CHECK(show_grants() == "SHOW GRANTS");
}

TEST_CASE("SHOW GRANTS: a granted role, and what PUBLIC may do on the schema") {
  CHECK(grants_roles({"GRANT USAGE ON *.* TO `app`@`%`", "GRANT `migrator` TO `app`@`%`"}));
  CHECK_FALSE(
      grants_roles({"GRANT USAGE ON *.* TO `app`@`%`", "GRANT SELECT ON `shop`.* TO `app`@`%`"}));
  // As MariaDB 10.11's default install grants them, and as SHOW GRANTS shows them.
  const std::vector<std::string> lines = {
      "GRANT USAGE ON *.* TO `lim`@`localhost` IDENTIFIED BY PASSWORD '*B6'",
      "GRANT SELECT, INSERT, LOCK TABLES, TRIGGER ON `test`.* TO PUBLIC",
      "GRANT SELECT, INSERT (`a`, `b`), DELETE HISTORY ON `test\\_%`.* TO PUBLIC",
      "GRANT UPDATE ON `test_only`.`t` TO PUBLIC", "GRANT DROP ON `shop`.* TO `lim`@`localhost`"};
  CHECK(public_privileges_on(lines, "test") ==
        std::set<std::string>{"SELECT", "INSERT", "LOCK TABLES", "TRIGGER"});
  // `test\_%`: an underscore that must be one; the column grant is no schema grant.
  CHECK(public_privileges_on(lines, "test_orders") ==
        std::set<std::string>{"SELECT", "DELETE HISTORY"});
  CHECK(public_privileges_on(lines, "testXorders").empty());
  CHECK(public_privileges_on(lines, "shop").empty());
  CHECK(public_privileges_on({"GRANT ALL PRIVILEGES ON *.* TO PUBLIC"}, "any").count("TRIGGER") ==
        1);
  CHECK(public_privileges_on({"GRANT SELECT ON `we``ird%`.* TO PUBLIC"}, "we`irdness") ==
        std::set<std::string>{"SELECT"});
}

TEST_CASE("GRANTEE is written as information_schema writes it") {
  CHECK(grantee_of("online_alter@%") == "'online_alter'@'%'");
  CHECK(grantee_of("app@10.0.%") == "'app'@'10.0.%'");
  CHECK(grantee_of("a@b@localhost") == "'a@b'@'localhost'");
  CHECK(grantee_of("") == "''");
}
