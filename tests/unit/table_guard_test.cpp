#include "phases/table_guard.h"

#include <doctest/doctest.h>

using oa::phases::table_change;
using oa::phases::TableState;
using oa::schema::Trigger;

namespace {

const std::string kDefinition =
    "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `v` int(11) DEFAULT NULL,\n"
    "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

const Trigger kAudit{"audit", "INSERT", "AFTER", "INSERT INTO a VALUES (NEW.id)", "app@%", ""};
const Trigger kStamp{"stamp", "INSERT", "BEFORE", "SET NEW.v = 1", "app@%", ""};

}  // namespace

TEST_CASE("a table as it was has no change") {
  const TableState state{kDefinition, {kStamp, kAudit}};
  CHECK_FALSE(table_change(state, state).has_value());
}

TEST_CASE("a column added, removed or changed by another session is named") {
  const TableState then{kDefinition, {}};
  TableState now = then;
  now.definition =
      "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `v` int(11) DEFAULT NULL,\n"
      "  `extra2` int(11) DEFAULT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT "
      "CHARSET=utf8mb4";
  CHECK(table_change(then, now) ==
        std::string("its definition changed: \"`extra2` int(11) DEFAULT NULL\" was added"));
  CHECK(table_change(now, then) ==
        std::string("its definition changed: \"`extra2` int(11) DEFAULT NULL\" was removed"));
  now.definition =
      "CREATE TABLE `t` (\n  `id` int(11) NOT NULL,\n  `v` bigint(20) DEFAULT NULL,\n"
      "  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
  CHECK(table_change(then, now) ==
        std::string("its definition changed: \"`v` int(11) DEFAULT NULL\" became \"`v` "
                    "bigint(20) DEFAULT NULL\""));
}

TEST_CASE("a trigger created, dropped, changed or moved in the order is named") {
  const TableState then{kDefinition, {kStamp, kAudit}};
  TableState now = then;
  now.own_triggers.push_back({"late", "DELETE", "AFTER", "SET @x = 1", "app@%", ""});
  CHECK(table_change(then, now) == std::string("trigger `late` was created"));
  now.own_triggers = {kStamp};
  CHECK(table_change(then, now) == std::string("trigger `audit` was dropped"));
  now.own_triggers = {kStamp, kAudit};
  now.own_triggers[1].body = "INSERT INTO a VALUES (NEW.id + 1)";
  CHECK(table_change(then, now) == std::string("trigger `audit` was changed"));
  now.own_triggers = {kAudit, kStamp};
  CHECK(table_change(then, now) == std::string("its triggers fire in another order"));
}
