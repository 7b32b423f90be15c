#include "sql/change_log_sql.h"

#include <doctest/doctest.h>

using namespace oa::sql;

namespace {

ChangeLogSpec spec() {
  return ChangeLogSpec{"db",    "t",         "t_oa_new",   "t_oa_chg", {"id"},
                       {"id2"}, {"id", "v"}, {"id2", "v"}, {}};
}

}  // namespace

TEST_CASE("the log takes its key columns from T itself") {
  CHECK(create_change_log(spec()) ==
        "CREATE TABLE `db`.`t_oa_chg` (`_oa_seq` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, "
        "PRIMARY KEY (`_oa_seq`)) ENGINE=InnoDB SELECT `id` FROM `db`.`t` LIMIT 0");
}

TEST_CASE("applying a range removes the shadow's rows, copies T's, then forgets the range") {
  CHECK(delete_changed_rows(spec()) ==
        "DELETE `db`.`t_oa_new` FROM `db`.`t_oa_new` JOIN (SELECT DISTINCT `id` FROM "
        "`db`.`t_oa_chg` WHERE `_oa_seq` BETWEEN ? AND ?) AS `changed` ON "
        "`db`.`t_oa_new`.`id2` = `changed`.`id`");
  CHECK(copy_changed_rows(spec()) ==
        "INSERT INTO `db`.`t_oa_new` (`id2`, `v`) SELECT `db`.`t`.`id`, `db`.`t`.`v` FROM "
        "`db`.`t` JOIN (SELECT DISTINCT `id` FROM `db`.`t_oa_chg` WHERE `_oa_seq` BETWEEN ? AND "
        "?) AS `changed` ON `db`.`t`.`id` = `changed`.`id`");
  CHECK(forget_changes(spec()) == "DELETE FROM `db`.`t_oa_chg` WHERE `_oa_seq` BETWEEN ? AND ?");
  CHECK(next_changes(spec()) == "SELECT `_oa_seq` FROM `db`.`t_oa_chg` ORDER BY `_oa_seq` LIMIT ?");
}

TEST_CASE("composite keys join on every column, and counts see each key once") {
  ChangeLogSpec s = spec();
  s.key_source = {"a", "b"};
  s.key_target = {"a", "b"};
  CHECK(count_changed_in_shadow(s) ==
        "SELECT COUNT(*) FROM `db`.`t_oa_new` JOIN (SELECT DISTINCT `a`, `b` FROM "
        "`db`.`t_oa_chg`) AS `changed` ON `db`.`t_oa_new`.`a` = `changed`.`a` AND "
        "`db`.`t_oa_new`.`b` = `changed`.`b`");
  CHECK(count_changed_in_table(s).find("FROM `db`.`t` JOIN") != std::string::npos);
  CHECK(count_logged(s) == "SELECT COUNT(*) FROM `db`.`t_oa_chg`");
  CHECK(last_logged(s) == "SELECT MAX(`_oa_seq`) FROM `db`.`t_oa_chg`");
}

TEST_CASE("a batch is found as one span of the oldest entries, and locked before use") {
  CHECK(next_span(spec()) ==
        "SELECT MIN(`_oa_seq`), MAX(`_oa_seq`), COUNT(*) FROM (SELECT `_oa_seq` FROM "
        "`db`.`t_oa_chg` ORDER BY `_oa_seq` LIMIT ?) AS `oldest`");
  CHECK(lock_changes(spec()) ==
        "SELECT COUNT(*) FROM `db`.`t_oa_chg` WHERE `_oa_seq` BETWEEN ? AND ? FOR UPDATE");
}

TEST_CASE("keys the copy has yet to read are left out of a batch, but forgotten with it") {
  const std::string both =
      "WHERE `_oa_seq` BETWEEN ? AND ? AND NOT (((`id` > ?)) AND ((`id` <= ?))))";
  CHECK(delete_changed_rows(spec(), {true, true}).find(both) != std::string::npos);
  CHECK(copy_changed_rows(spec(), {true, true}).find(both) != std::string::npos);
  CHECK(copy_changed_rows(spec(), {true, false})
            .find("WHERE `_oa_seq` BETWEEN ? AND ? AND NOT (((`id` <= ?))))") != std::string::npos);
  CHECK(copy_changed_rows(spec(), {false, true}) == copy_changed_rows(spec()));
}

TEST_CASE("a key whose collation changes: the shadow's rows go by each logged spelling") {
  ChangeLogSpec s = spec();
  s.key_source = {"name", "n"};
  s.key_target = {"name", "n"};
  s.key_collations = {KeyCollation{"utf8mb4", "utf8mb4_general_ci", "utf8mb4", "utf8mb4_bin"},
                      std::nullopt};
  // Every logged spelling and T's current one, matched in the shadow's
  // collation (its index serves it); the placeholders come twice.
  CHECK(delete_changed_rows(s) ==
        "DELETE `db`.`t_oa_new` FROM `db`.`t_oa_new` JOIN (SELECT CAST(`name` AS BINARY) AS "
        "`name`, `n` FROM `db`.`t_oa_chg` WHERE `_oa_seq` BETWEEN ? AND ? UNION SELECT "
        "CAST(`db`.`t`.`name` AS BINARY), `db`.`t`.`n` FROM `db`.`t` JOIN (SELECT DISTINCT "
        "`name`, `n` FROM `db`.`t_oa_chg` WHERE `_oa_seq` BETWEEN ? AND ?) AS `changed` ON "
        "`db`.`t`.`name` = `changed`.`name` AND `db`.`t`.`n` = `changed`.`n`) AS `changed` ON "
        "`db`.`t_oa_new`.`name` = CONVERT(CAST(`changed`.`name` AS CHAR CHARACTER SET "
        "`utf8mb4`) USING `utf8mb4`) COLLATE `utf8mb4_bin` AND `db`.`t_oa_new`.`n` = "
        "`changed`.`n`");
  // T's rows once per key as T compares them: a row logged under two spellings is copied once.
  CHECK(copy_changed_rows(s).find("(SELECT DISTINCT `name`, `n` FROM") != std::string::npos);
  CHECK(copy_changed_rows(s).find("ON `db`.`t`.`name` = `changed`.`name` AND") !=
        std::string::npos);
  // Counting the shadow's logged rows asks T's question: the same key of T?
  CHECK(count_changed_in_shadow(s) ==
        "SELECT COUNT(*) FROM `db`.`t_oa_new` JOIN (SELECT DISTINCT `name`, `n` FROM "
        "`db`.`t_oa_chg`) AS `changed` ON CONVERT(`db`.`t_oa_new`.`name` USING `utf8mb4`) "
        "COLLATE `utf8mb4_general_ci` = `changed`.`name` AND `db`.`t_oa_new`.`n` = `changed`.`n`");
}
