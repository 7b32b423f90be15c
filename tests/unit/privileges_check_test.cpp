#include <doctest/doctest.h>

#include "preflight/checks.h"

using namespace oa;

namespace {

schema::HeldPrivileges all_but(const std::string& left_out) {
  schema::HeldPrivileges held;
  held.account = "online_alter@%";
  for (const char* p : {"SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "INDEX",
                        "TRIGGER", "LOCK TABLES", "CREATE VIEW"}) {
    if (p != left_out) held.privileges.insert(p);
  }
  return held;
}

}  // namespace

TEST_CASE("every privilege the migration needs is there: no refusal") {
  CHECK_FALSE(preflight::check_privileges(all_but(""), "app").has_value());
}

TEST_CASE("a missing privilege is named, with the account and sql/grants.sql") {
  const auto refusal = preflight::check_privileges(all_but("TRIGGER"), "app");
  REQUIRE(refusal.has_value());
  CHECK(refusal->find("online_alter@% lacks TRIGGER on `app`") != std::string::npos);
  CHECK(refusal->find("sql/grants.sql") != std::string::npos);
  auto held = all_but("LOCK TABLES");
  held.privileges.erase("INDEX");
  CHECK(preflight::check_privileges(held, "app")->find("lacks INDEX, LOCK TABLES") !=
        std::string::npos);
  CHECK(preflight::check_privileges(schema::HeldPrivileges{}, "app").has_value());
}

TEST_CASE("with a role active the grants cannot all be seen: no refusal") {
  auto held = all_but("TRIGGER");
  held.unseen_grants = true;
  CHECK_FALSE(preflight::check_privileges(held, "app").has_value());
}
