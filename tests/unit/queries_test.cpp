#include "sql/queries.h"

#include <doctest/doctest.h>

using namespace oa::sql;

TEST_CASE("queries on one table quote its names") {
  CHECK(show_create_table("d b", "t`1") == "SHOW CREATE TABLE `d b`.`t``1`");
  CHECK(count_rows("db", "t") == "SELECT COUNT(*) FROM `db`.`t`");
}

TEST_CASE("the run lock is taken without waiting, and its name is always bound") {
  CHECK(get_lock() == "SELECT GET_LOCK(?, 0)");
  CHECK(lock_held_here() == "SELECT IS_USED_LOCK(?) = CONNECTION_ID()");
  CHECK(lock_holder().find("IS_USED_LOCK(?)") != std::string::npos);
  CHECK(trigger_definition().find("TRIGGER_SCHEMA = ? AND TRIGGER_NAME = ?") != std::string::npos);
}
