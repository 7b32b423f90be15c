#include "phases/checkpoint.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "error.h"

using namespace oa::phases;

TEST_CASE("encoded strings decode to the same strings, whatever bytes they hold") {
  const std::vector<std::string> items = {"", "42", std::string("a\0b", 3), "\xff\xfe",
                                          std::string(300, 'x')};
  CHECK(decode_strings(encode_strings(items)) == items);
  CHECK(decode_strings("").empty());
  // Lengths are prefixed: "ab" + "c" and "a" + "bc" differ.
  CHECK(encode_strings({"ab", "c"}) != encode_strings({"a", "bc"}));
}

TEST_CASE("a cut-short encoding is refused, never misread") {
  const std::string bytes = encode_strings({"12345", "678"});
  for (std::size_t cut = 1; cut < bytes.size(); ++cut) {
    if (cut == encode_strings({"12345"}).size()) continue;  // a whole first item
    CAPTURE(cut);
    CHECK_THROWS_AS(decode_strings(bytes.substr(0, cut)), oa::RefusedError);
  }
}

TEST_CASE("foreign keys survive the checkpoint's encoding") {
  const std::vector<oa::sql::ForeignKey> keys = {
      {"fk_a", "d", "t", {"a", "b"}, "d", "p", {"x", "y"}, "RESTRICT", "NO ACTION"},
      {"f`k", "d", "t", {"c"}, "e", "q r", {"id"}, "NO ACTION", "RESTRICT"}};
  const auto back = decode_foreign_keys(encode_foreign_keys(keys));
  REQUIRE(back.size() == 2);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    CHECK(back[i].name == keys[i].name);
    CHECK(back[i].table == keys[i].table);
    CHECK(back[i].columns == keys[i].columns);
    CHECK(back[i].referenced_database == keys[i].referenced_database);
    CHECK(back[i].referenced_table == keys[i].referenced_table);
    CHECK(back[i].referenced_columns == keys[i].referenced_columns);
    CHECK(back[i].update_rule == keys[i].update_rule);
    CHECK(back[i].delete_rule == keys[i].delete_rule);
  }
  CHECK(decode_foreign_keys(encode_foreign_keys({})).empty());
  CHECK_THROWS_AS(decode_foreign_keys(encode_strings({"not a key"})), oa::RefusedError);
}

TEST_CASE("the table's own triggers survive the checkpoint's encoding, in their order") {
  const std::vector<oa::schema::Trigger> triggers = {
      {"b`x", "INSERT", "BEFORE", "SET NEW.a = 'x\n'", "app@%", "STRICT_TRANS_TABLES"},
      {"a", "DELETE", "AFTER", "BEGIN\n  DELETE FROM m WHERE id = OLD.id;\nEND", "u@h@x", ""}};
  const auto back = decode_triggers(encode_triggers(triggers));
  REQUIRE(back.size() == 2);
  for (std::size_t i = 0; i < triggers.size(); ++i) {
    CHECK(back[i].name == triggers[i].name);
    CHECK(back[i].event == triggers[i].event);
    CHECK(back[i].timing == triggers[i].timing);
    CHECK(back[i].body == triggers[i].body);
    CHECK(back[i].definer == triggers[i].definer);
    CHECK(back[i].sql_mode == triggers[i].sql_mode);
  }
  CHECK(decode_triggers(encode_triggers({})).empty());
  CHECK_THROWS_AS(decode_triggers(encode_strings({encode_strings({"a", "b"})})), oa::RefusedError);
}

TEST_CASE("a table's definition is compared without its AUTO_INCREMENT counter") {
  CHECK(
      without_auto_increment("CREATE TABLE `t` (\n  `id` int\n) ENGINE=InnoDB AUTO_INCREMENT=1001 "
                             "DEFAULT CHARSET=utf8mb4") ==
      "CREATE TABLE `t` (\n  `id` int\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
  CHECK(without_auto_increment("CREATE TABLE `t` (`id` int) ENGINE=InnoDB") ==
        "CREATE TABLE `t` (`id` int) ENGINE=InnoDB");
}
