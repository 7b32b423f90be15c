#include "sql/ddl.h"

#include <doctest/doctest.h>

using namespace oa::sql;

TEST_CASE("DDL statements quote every identifier") {
  CHECK(create_table_like("d", "_t_new", "t") == "CREATE TABLE `d`.`_t_new` LIKE `d`.`t`");
  CHECK(alter_table("d", "_t_new", "ADD c INT") == "ALTER TABLE `d`.`_t_new` ADD c INT");
  CHECK(set_auto_increment("d", "s", 42) == "ALTER TABLE `d`.`s` AUTO_INCREMENT = 42");
  CHECK(drop_table_if_exists("d", "a`b") == "DROP TABLE IF EXISTS `d`.`a``b`");
  CHECK(drop_trigger_if_exists("d", "tr") == "DROP TRIGGER IF EXISTS `d`.`tr`");
  CHECK(lock_tables_write("d", {"t", "s"}) == "LOCK TABLES `d`.`t` WRITE, `d`.`s` WRITE");
  // Across schemas, each table once (the server refuses a table locked twice).
  CHECK(lock_tables_write({{"d", "t"}, {"e", "child"}, {"d", "t"}}) ==
        "LOCK TABLES `d`.`t` WRITE, `e`.`child` WRITE");
  CHECK(swap_tables("d", "t", "_t_old", "_t_new") ==
        "RENAME TABLE `d`.`t` TO `d`.`_t_old`, `d`.`_t_new` TO `d`.`t`");
  CHECK(analyze_table("d", "s") == "ANALYZE TABLE `d`.`s`");
  CHECK(set_lock_wait_timeout(3) == "SET SESSION lock_wait_timeout = 3");
}
