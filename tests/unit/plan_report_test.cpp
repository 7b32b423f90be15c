#include "plan/plan_report.h"

#include <doctest/doctest.h>

#include "error.h"

using namespace oa;

namespace {

schema::TableInfo table(const std::string& name, std::vector<std::string> columns) {
  schema::TableInfo t;
  t.database = "shop";
  t.name = name;
  for (auto& c : columns) {
    schema::Column col;
    col.name = c;
    col.data_type = "int";
    t.columns.push_back(col);
  }
  schema::Index pk;
  pk.name = "PRIMARY";
  pk.unique = true;
  pk.columns = {"id"};
  t.indexes = {pk};
  t.estimated_rows = 1234;
  return t;
}

}  // namespace

TEST_CASE("the plan without a shadow describes but does not invent trigger text") {
  const auto original = table("orders", {"id", "v"});
  const auto p = plan::plan_for(original, "ADD COLUMN w INT", true);
  const std::string text = plan::render_plan(p, {2, 10, {}, 1});
  CHECK(text.find("CREATE TABLE `shop`.`orders_oa_new` LIKE `shop`.`orders`") != std::string::npos);
  CHECK(text.find("ALTER TABLE `shop`.`orders_oa_new` ADD COLUMN w INT") != std::string::npos);
  CHECK(text.find("estimated rows: 1234") != std::string::npos);
  CHECK(text.find("use --dry-run") != std::string::npos);
  CHECK(text.find("CREATE TRIGGER `shop`") == std::string::npos);
  CHECK(text.find("DROP TABLE IF EXISTS `shop`.`_orders_old`") != std::string::npos);
}

TEST_CASE("with the shadow known, the plan prints the mapping and every statement") {
  const auto original = table("orders", {"id", "v", "gone"});
  const auto shadow = table("_orders_new", {"id", "v", "w"});
  auto p =
      plan::with_shadow(plan::plan_for(original, "ADD w INT, DROP gone", false), original, shadow);
  const std::string text = plan::render_plan(p, {2, 10, {}, 1});
  CHECK(text.find("`v` -> `v`") != std::string::npos);
  CHECK(text.find("new columns (default or generated values): `w`") != std::string::npos);
  CHECK(text.find("dropped columns (not copied): `gone`") != std::string::npos);
  CHECK(text.find("CREATE TRIGGER `shop`.`orders_oa_upd`") != std::string::npos);
  CHECK(text.find("CREATE TABLE `shop`.`orders_oa_chg`") != std::string::npos);
  CHECK(text.find("DELETE FROM `shop`.`orders_oa_chg` WHERE") != std::string::npos);
  CHECK(text.find("LOCK TABLES `shop`.`orders` WRITE, `shop`.`orders_oa_chg` WRITE, "
                  "`shop`.`orders_oa_new` WRITE") != std::string::npos);
  CHECK(text.find("RENAME TABLE `shop`.`orders` TO `shop`.`_orders_old`") != std::string::npos);
  CHECK(text.find("DROP TABLE IF EXISTS `shop`.`_orders_old`") == std::string::npos);
}

TEST_CASE("a shadow without an index on the chunk key is refused") {
  const auto original = table("orders", {"id", "v"});
  auto shadow = table("_orders_new", {"id", "v"});
  shadow.indexes.clear();
  CHECK_THROWS_AS(
      plan::with_shadow(plan::plan_for(original, "DROP PRIMARY KEY", true), original, shadow),
      oa::RefusedError);
}

TEST_CASE("foreign keys: the plan moves them under the swap's lock, through renames") {
  auto original = table("orders", {"id", "customer"});
  original.foreign_keys = {{"fk_customer",
                            "shop",
                            "orders",
                            {"customer"},
                            "shop",
                            "customers",
                            {"id"},
                            "RESTRICT",
                            "RESTRICT"}};
  original.referenced_by = {{"fk_line_order",
                             "shop",
                             "lines",
                             {"order_id"},
                             "shop",
                             "orders",
                             {"id"},
                             "CASCADE",
                             "CASCADE"}};
  const auto shadow = table("orders_oa_new", {"id", "client"});
  auto p = plan::with_shadow(plan::plan_for(original, "CHANGE customer client INT", true), original,
                             shadow);
  REQUIRE(p.shadow_foreign_keys.size() == 1);
  CHECK(p.shadow_foreign_keys[0].columns == std::vector<std::string>{"client"});
  const std::string text = plan::render_plan(p, {2, 10, {}, 1});
  CHECK(text.find("LOCK TABLES `shop`.`orders` WRITE, `shop`.`orders_oa_chg` WRITE, "
                  "`shop`.`orders_oa_new` WRITE, `shop`.`lines` WRITE") != std::string::npos);
  CHECK(text.find("ALTER TABLE `shop`.`orders` DROP FOREIGN KEY `fk_customer`") !=
        std::string::npos);
  CHECK(text.find("ALTER TABLE `shop`.`orders_oa_new` ADD CONSTRAINT `fk_customer` FOREIGN KEY "
                  "(`client`) REFERENCES `shop`.`customers` (`id`)") != std::string::npos);
  CHECK(text.find("DROP FOREIGN KEY `fk_line_order`, ADD CONSTRAINT `_fk_line_order` FOREIGN "
                  "KEY (`order_id`) REFERENCES `shop`.`orders_oa_new` (`id`)") !=
        std::string::npos);

  // A dropped column of the table's own key, or a renamed column a child
  // references, is refused before anything is copied.
  auto refusal = [&](const std::string& alter, const schema::TableInfo& new_table) {
    try {
      plan::with_shadow(plan::plan_for(original, alter, true), original, new_table);
    } catch (const RefusedError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(refusal("DROP customer", table("orders_oa_new", {"id"})).find("`fk_customer` uses") !=
        std::string::npos);
  auto renamed = table("orders_oa_new", {"id", "customer"});
  renamed.columns[0].data_type = "bigint";
  renamed.columns[0].column_type = "bigint(20)";
  CHECK(refusal("MODIFY id BIGINT", renamed).find("`fk_line_order` of `shop`.`lines`") !=
        std::string::npos);
}
