#include "sql/foreign_keys.h"

#include <doctest/doctest.h>

#include <string>

using namespace oa::sql;

namespace {

ForeignKey order_line_key() {
  return ForeignKey{"fk_line_order",         "shop",     "lines",
                    {"order_id", "shop id"}, "shop",     "orders",
                    {"id", "shop"},          "RESTRICT", "CASCADE"};
}

}  // namespace

TEST_CASE("a constraint's clause names only the actions that are not the default") {
  ForeignKey key = order_line_key();
  CHECK(constraint_clause(key) ==
        "CONSTRAINT `fk_line_order` FOREIGN KEY (`order_id`, `shop id`) REFERENCES "
        "`shop`.`orders` (`id`, `shop`) ON DELETE CASCADE");
  key.delete_rule = "RESTRICT";
  key.update_rule = "NO ACTION";
  CHECK(constraint_clause(key) ==
        "CONSTRAINT `fk_line_order` FOREIGN KEY (`order_id`, `shop id`) REFERENCES "
        "`shop`.`orders` (`id`, `shop`) ON UPDATE NO ACTION");
}

TEST_CASE("only RESTRICT and NO ACTION leave the child's rows alone") {
  ForeignKey key = order_line_key();
  CHECK(key.changes_child());
  key.delete_rule = "NO ACTION";
  CHECK_FALSE(key.changes_child());
  key.update_rule = "SET NULL";
  CHECK(key.changes_child());
}

TEST_CASE("adding, dropping and re-pointing constraints are in-place ALTERs") {
  CHECK(add_foreign_keys("d", "t_oa_new", {"CONSTRAINT `a` X", "CONSTRAINT `b` Y"}) ==
        "ALTER TABLE `d`.`t_oa_new` ADD CONSTRAINT `a` X, ADD CONSTRAINT `b` Y, "
        "ALGORITHM=INPLACE");
  CHECK(drop_foreign_keys("d", "t", {"a", "b`c"}) ==
        "ALTER TABLE `d`.`t` DROP FOREIGN KEY `a`, DROP FOREIGN KEY `b``c`, ALGORITHM=INPLACE");
  CHECK(repoint_foreign_key(order_line_key(), "shop", "orders_oa_new") ==
        "ALTER TABLE `shop`.`lines` DROP FOREIGN KEY `fk_line_order`, ADD CONSTRAINT "
        "`_fk_line_order` FOREIGN KEY (`order_id`, `shop id`) REFERENCES "
        "`shop`.`orders_oa_new` (`id`, `shop`) ON DELETE CASCADE, ALGORITHM=INPLACE");
}

TEST_CASE("a toggled name toggles back, and stays within 64 characters") {
  CHECK(toggled_name("fk") == "_fk");
  CHECK(toggled_name("_fk") == "fk");
  CHECK(toggled_name(toggled_name("fk_a")) == "fk_a");
  const std::string longest(64, 'k');
  CHECK(toggled_name(longest) == "_" + std::string(63, 'k'));
  // 64 characters of two bytes each: the cut keeps whole characters.
  std::string greek;
  for (int i = 0; i < 64; ++i) greek += "\xce\xb1";
  CHECK(toggled_name(greek) == "_" + greek.substr(0, 126));
}

TEST_CASE("orphans: rows whose every key column is set and that no parent row matches") {
  CHECK(count_orphans(order_line_key()) ==
        "SELECT COUNT(*) FROM `shop`.`lines` AS c WHERE c.`order_id` IS NOT NULL AND "
        "c.`shop id` IS NOT NULL AND NOT EXISTS (SELECT 1 FROM `shop`.`orders` AS p WHERE "
        "p.`id` = c.`order_id` AND p.`shop` = c.`shop id`)");
}
