#include "sql/chunk_sql.h"

#include <doctest/doctest.h>

#include <vector>

using namespace oa::sql;

TEST_CASE("single-column key predicates") {
  auto after = key_after({"id"});
  CHECK(after.text == "(`id` > ?)");
  CHECK(after.slots == std::vector<std::size_t>{0});
  auto upto = key_up_to({"id"});
  CHECK(upto.text == "(`id` <= ?)");
}

TEST_CASE("composite key predicates are written out column by column") {
  auto after = key_after({"a", "b", "c"});
  CHECK(after.text == "(`a` > ?) OR (`a` = ? AND `b` > ?) OR (`a` = ? AND `b` = ? AND `c` > ?)");
  CHECK(after.slots == std::vector<std::size_t>{0, 0, 1, 0, 1, 2});
  auto upto = key_up_to({"a", "b"});
  CHECK(upto.text == "(`a` < ?) OR (`a` = ? AND `b` <= ?)");
  CHECK(upto.slots == std::vector<std::size_t>{0, 0, 1});
}

TEST_CASE("boundary and last-key queries") {
  ChunkTable t{"db", "t", "PRIMARY", {"id"}};
  CHECK(next_boundary(t, false) ==
        "SELECT `id` FROM `db`.`t` FORCE INDEX (`PRIMARY`) WHERE ((`id` <= ?)) "
        "ORDER BY `id` ASC LIMIT 1 OFFSET ?");
  CHECK(next_boundary(t, true) ==
        "SELECT `id` FROM `db`.`t` FORCE INDEX (`PRIMARY`) WHERE ((`id` > ?)) AND ((`id` <= ?)) "
        "ORDER BY `id` ASC LIMIT 1 OFFSET ?");
  CHECK(last_key(t) ==
        "SELECT `id` FROM `db`.`t` FORCE INDEX (`PRIMARY`) ORDER BY `id` DESC LIMIT 1");
}

TEST_CASE("copy statement is a plain INSERT ... SELECT of one key range, without locks") {
  CopySpec spec{{"db", "t", "PRIMARY", {"id"}}, "t_oa_new", {"id", "v"}, {"id", "w"}};
  CHECK(copy_chunk(spec, true) ==
        "INSERT INTO `db`.`t_oa_new` (`id`, `w`) SELECT `id`, `v` FROM `db`.`t` FORCE INDEX "
        "(`PRIMARY`) WHERE ((`id` > ?)) AND ((`id` <= ?))");
  CHECK(copy_chunk(spec, false) ==
        "INSERT INTO `db`.`t_oa_new` (`id`, `w`) SELECT `id`, `v` FROM `db`.`t` FORCE INDEX "
        "(`PRIMARY`) WHERE ((`id` <= ?))");
}
