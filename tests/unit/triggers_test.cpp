#include "sql/triggers.h"

#include <doctest/doctest.h>

using namespace oa::sql;

namespace {

TriggerSpec spec() {
  return TriggerSpec{"db", "t", "t_oa_chg", "t_oa_ins", "t_oa_upd", "t_oa_del", {"id"}};
}

}  // namespace

TEST_CASE("insert trigger logs the new key") {
  CHECK(create_insert_trigger(spec()) ==
        "CREATE TRIGGER `db`.`t_oa_ins` AFTER INSERT ON `db`.`t` FOR EACH ROW INSERT INTO "
        "`db`.`t_oa_chg` (`id`) VALUES (NEW.`id`)");
}

TEST_CASE("update trigger logs the old key only when the key changed") {
  CHECK(create_update_trigger(spec()) ==
        "CREATE TRIGGER `db`.`t_oa_upd` AFTER UPDATE ON `db`.`t` FOR EACH ROW BEGIN IF NOT "
        "(OLD.`id` <=> NEW.`id`) THEN INSERT INTO `db`.`t_oa_chg` (`id`) VALUES (OLD.`id`); "
        "END IF; INSERT INTO `db`.`t_oa_chg` (`id`) VALUES (NEW.`id`); END");
}

TEST_CASE("delete trigger logs every key column, quoted") {
  TriggerSpec s = spec();
  s.key_columns = {"a", "b`c"};
  CHECK(create_delete_trigger(s) ==
        "CREATE TRIGGER `db`.`t_oa_del` AFTER DELETE ON `db`.`t` FOR EACH ROW INSERT INTO "
        "`db`.`t_oa_chg` (`a`, `b``c`) VALUES (OLD.`a`, OLD.`b``c`)");
}
