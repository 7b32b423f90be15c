#include "sql/triggers.h"

#include <doctest/doctest.h>

using namespace oa::sql;

namespace {

TriggerSpec spec() {
  return TriggerSpec{"db",   "t", "t_oa_chg", "t_oa_ins", "t_oa_upd", "t_oa_del",
                     {"id"}, "",  "",         "",         {}};
}

}  // namespace

TEST_CASE("insert trigger logs the new key") {
  const auto t = capture_triggers(spec());
  REQUIRE(t.size() == 3);
  CHECK(create_trigger(spec(), t[0]) ==
        "CREATE TRIGGER `db`.`t_oa_ins` AFTER INSERT ON `db`.`t` FOR EACH ROW BEGIN DECLARE "
        "CONTINUE HANDLER FOR 1146 BEGIN END; INSERT INTO `db`.`t_oa_chg` (`id`) VALUES "
        "(NEW.`id`); END");
}

TEST_CASE("update trigger logs the old key only when the key changed") {
  const auto t = capture_triggers(spec());
  CHECK(t[1].name == "t_oa_upd");
  CHECK(t[1].event == "UPDATE");
  CHECK(t[1].body ==
        "BEGIN DECLARE CONTINUE HANDLER FOR 1146 BEGIN END; IF NOT (OLD.`id` <=> NEW.`id`) THEN "
        "INSERT INTO `db`.`t_oa_chg` (`id`) VALUES (OLD.`id`); END IF; INSERT INTO "
        "`db`.`t_oa_chg` (`id`) VALUES (NEW.`id`); END");
}

TEST_CASE("where the new table collates the key otherwise, a new spelling logs the old one") {
  TriggerSpec s = spec();
  s.key_columns = {"name", "n"};
  s.spelling_matters = {true, false};
  const auto t = capture_triggers(s);
  CHECK(t[1].body.find("IF NOT (CAST(OLD.`name` AS BINARY) <=> CAST(NEW.`name` AS BINARY) AND "
                       "OLD.`n` <=> NEW.`n`) THEN") != std::string::npos);
}

TEST_CASE("delete trigger logs every key column, quoted") {
  TriggerSpec s = spec();
  s.key_columns = {"a", "b`c"};
  const auto t = capture_triggers(s);
  CHECK(create_trigger(s, t[2]) ==
        "CREATE TRIGGER `db`.`t_oa_del` AFTER DELETE ON `db`.`t` FOR EACH ROW BEGIN DECLARE "
        "CONTINUE HANDLER FOR 1146 BEGIN END; INSERT INTO `db`.`t_oa_chg` (`a`, `b``c`) VALUES "
        "(OLD.`a`, OLD.`b``c`); END");
}

TEST_CASE("a capture trigger precedes the table's first own AFTER trigger of its event") {
  TriggerSpec s = spec();
  s.first_after_update = "audit`1";
  const auto t = capture_triggers(s);
  CHECK(create_trigger(s, t[1]).rfind(
            "CREATE TRIGGER `db`.`t_oa_upd` AFTER UPDATE ON `db`.`t` FOR EACH ROW PRECEDES "
            "`audit``1` BEGIN ",
            0) == 0);
  CHECK(create_trigger(s, t[0]).find("PRECEDES") == std::string::npos);
  CHECK(create_trigger(s, t[2]).find("PRECEDES") == std::string::npos);
}

TEST_CASE("a table's own trigger is created again with its definer, timing and body") {
  const OwnTrigger t{"audit", "AFTER", "UPDATE", "INSERT INTO log VALUES (NEW.id)", "app@10.0.%"};
  CHECK(create_own_trigger("db", "t_oa_new", t) ==
        "CREATE DEFINER=`app`@`10.0.%` TRIGGER `db`.`audit` AFTER UPDATE ON `db`.`t_oa_new` FOR "
        "EACH ROW INSERT INTO log VALUES (NEW.id)");
  const OwnTrigger odd{"t`1", "BEFORE", "INSERT", "SET NEW.x = 1", "us@er@localhost"};
  CHECK(create_own_trigger("db", "t", odd) ==
        "CREATE DEFINER=`us@er`@`localhost` TRIGGER `db`.`t``1` BEFORE INSERT ON `db`.`t` FOR "
        "EACH ROW SET NEW.x = 1");
}
