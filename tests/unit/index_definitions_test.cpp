#include "sql/index_definitions.h"

#include <doctest/doctest.h>

using namespace oa::sql;

namespace {

// As MariaDB 10.11 prints it.
constexpr const char* kCreate =
    "CREATE TABLE `ix` (\n"
    "  `id` int(11) NOT NULL,\n"
    "  `a` varchar(20) DEFAULT NULL,\n"
    "  `KEY x` int(11) DEFAULT NULL,\n"
    "  `c` text DEFAULT NULL,\n"
    "  PRIMARY KEY (`id`),\n"
    "  UNIQUE KEY `u` (`b`),\n"
    "  KEY `we``ird` (`a`(5),`b` DESC) COMMENT 'x, y',\n"
    "  KEY `plain` (`b`) USING BTREE,\n"
    "  FULLTEXT KEY `ft` (`c`)\n"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci";

}  // namespace

TEST_CASE("only plain KEY lines are read, with names unquoted and definitions verbatim") {
  const auto indexes = plain_secondary_indexes(kCreate);
  REQUIRE(indexes.size() == 2);
  CHECK(indexes[0].name == "we`ird");
  CHECK(indexes[0].definition == "KEY `we``ird` (`a`(5),`b` DESC) COMMENT 'x, y'");
  CHECK(indexes[1].name == "plain");
  CHECK(indexes[1].definition == "KEY `plain` (`b`) USING BTREE");
  CHECK(
      plain_secondary_indexes("CREATE TABLE `t` (\n  `id` int,\n  PRIMARY KEY (`id`)\n)").empty());
}

TEST_CASE("indexes are dropped and re-added in one statement each") {
  const auto indexes = plain_secondary_indexes(kCreate);
  CHECK(drop_indexes("db", "t_oa_new", indexes) ==
        "ALTER TABLE `db`.`t_oa_new` DROP INDEX `we``ird`, DROP INDEX `plain`");
  CHECK(add_indexes("db", "t_oa_new", indexes) ==
        "ALTER TABLE `db`.`t_oa_new` ADD KEY `we``ird` (`a`(5),`b` DESC) COMMENT 'x, y', ADD KEY "
        "`plain` (`b`) USING BTREE, ALGORITHM=INPLACE, LOCK=NONE");
}
