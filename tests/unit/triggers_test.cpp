#include "sql/triggers.h"

#include <doctest/doctest.h>

using namespace oa::sql;

namespace {

TriggerSpec spec() {
  return TriggerSpec{"db",     "t",           "_t_new",      "_t_ins", "_t_upd",
                     "_t_del", {"id", "v`x"}, {"id", "v`x"}, {"id"},   {"id"}};
}

}  // namespace

TEST_CASE("insert trigger replaces the new row into the shadow") {
  CHECK(create_insert_trigger(spec()) ==
        "CREATE TRIGGER `db`.`_t_ins` AFTER INSERT ON `db`.`t` FOR EACH ROW REPLACE INTO "
        "`db`.`_t_new` (`id`, `v``x`) VALUES (NEW.`id`, NEW.`v``x`)");
}

TEST_CASE("update trigger removes the old key only when the key changed") {
  CHECK(create_update_trigger(spec()) ==
        "CREATE TRIGGER `db`.`_t_upd` AFTER UPDATE ON `db`.`t` FOR EACH ROW BEGIN IF NOT "
        "(OLD.`id` <=> NEW.`id`) THEN DELETE FROM `db`.`_t_new` WHERE `id` <=> OLD.`id`; END IF; "
        "REPLACE INTO `db`.`_t_new` (`id`, `v``x`) VALUES (NEW.`id`, NEW.`v``x`); END");
}

TEST_CASE("delete trigger deletes by every key column") {
  TriggerSpec s = spec();
  s.key_source = {"a", "b"};
  s.key_target = {"a", "b"};
  CHECK(create_delete_trigger(s) ==
        "CREATE TRIGGER `db`.`_t_del` AFTER DELETE ON `db`.`t` FOR EACH ROW DELETE FROM "
        "`db`.`_t_new` WHERE `a` <=> OLD.`a` AND `b` <=> OLD.`b`");
}
