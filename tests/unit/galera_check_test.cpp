#include <doctest/doctest.h>

#include "preflight/checks.h"

using namespace oa;

namespace {

schema::ServerRole galera(const std::string& osu_method) {
  schema::ServerRole role;
  role.wsrep_on = true;
  role.osu_method = osu_method;
  role.cluster_size = 3;
  return role;
}

schema::TableInfo table_with_primary_key() {
  schema::TableInfo t;
  t.database = "d";
  t.name = "t";
  t.engine = "InnoDB";
  t.indexes.push_back(schema::Index{"PRIMARY", true, false, {"id"}});
  return t;
}

bool mentions(const preflight::CheckResult& r, const std::string& text) {
  return r.has_value() && r->find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("off Galera the check passes whatever the table") {
  schema::TableInfo no_key = table_with_primary_key();
  no_key.indexes.clear();
  CHECK_FALSE(preflight::check_galera(schema::ServerRole{}, no_key).has_value());
}

TEST_CASE("Galera with TOI and a primary key passes") {
  CHECK_FALSE(preflight::check_galera(galera("TOI"), table_with_primary_key()).has_value());
}

TEST_CASE("RSU is refused, naming the cause and the fix") {
  const auto r = preflight::check_galera(galera("RSU"), table_with_primary_key());
  CHECK(mentions(r, "wsrep_OSU_method=RSU"));
  CHECK(mentions(r, "this node only"));
  CHECK(mentions(r, "SET GLOBAL wsrep_OSU_method=TOI"));
}

TEST_CASE("Galera refuses a table without a primary key, even with a unique key") {
  schema::TableInfo t = table_with_primary_key();
  t.indexes = {schema::Index{"u", true, false, {"id"}}};
  CHECK(mentions(preflight::check_galera(galera("TOI"), t), "no PRIMARY KEY"));
}

TEST_CASE("Galera refuses own triggers and foreign keys: they move under a node-local lock") {
  schema::TableInfo t = table_with_primary_key();
  t.triggers.push_back(schema::Trigger{"audit", "INSERT", "AFTER", "BEGIN END", "u@h", ""});
  CHECK(mentions(preflight::check_galera(galera("TOI"), t), "triggers of its own"));
  t.triggers.clear();
  t.referenced_by.push_back(oa::sql::ForeignKey{});
  CHECK(mentions(preflight::check_galera(galera("TOI"), t), "foreign keys"));
}

TEST_CASE("--execute is refused on Galera, and only there") {
  CHECK_FALSE(preflight::check_galera_execute(schema::ServerRole{}).has_value());
  const auto r = preflight::check_galera_execute(galera("TOI"));
  CHECK(mentions(r, "not supported on Galera yet"));
  CHECK(mentions(r, "--dry-run"));
}
