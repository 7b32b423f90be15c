#include "sql/unique_probe.h"

#include <doctest/doctest.h>

using namespace oa::sql;

TEST_CASE("the duplicate probe groups by the key, skips NULLs, and reads under the new collation") {
  CHECK(duplicate_probe("db", "t", {{"k", "", ""}}) ==
        "SELECT `k`, COUNT(*) FROM `db`.`t` WHERE `k` IS NOT NULL GROUP BY `k` HAVING COUNT(*) > "
        "1 LIMIT 1");
  CHECK(duplicate_probe("db", "t", {{"a", "", ""}, {"n`m", "utf8mb4", "utf8mb4_general_ci"}}) ==
        "SELECT `a`, CONVERT(`n``m` USING `utf8mb4`) COLLATE `utf8mb4_general_ci`, COUNT(*) FROM "
        "`db`.`t` WHERE `a` IS NOT NULL AND `n``m` IS NOT NULL GROUP BY `a`, CONVERT(`n``m` USING "
        "`utf8mb4`) COLLATE `utf8mb4_general_ci` HAVING COUNT(*) > 1 LIMIT 1");
}
