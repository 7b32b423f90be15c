#include "plan/names.h"

#include <doctest/doctest.h>

#include <string>

#include "error.h"

using namespace oa::plan;

TEST_CASE("short table names get plain suffixes") {
  const MigrationNames n = derive_names("orders");
  CHECK(n.shadow == "orders_oa_new");
  CHECK(n.change_log == "orders_oa_chg");
  CHECK(n.old == "_orders_old");
  CHECK(n.insert_trigger == "orders_oa_ins");
  CHECK(n.update_trigger == "orders_oa_upd");
  CHECK(n.delete_trigger == "orders_oa_del");
  CHECK(n.checkpoint == "orders_oa_chk");
}

TEST_CASE("the run lock's name is short, and differs per table and per schema") {
  const std::string a = run_lock_name("shop", "orders");
  CHECK(a.size() <= 64);
  CHECK(a == run_lock_name("shop", "orders"));
  CHECK(a != run_lock_name("shop", "orders2"));
  CHECK(a != run_lock_name("shop2", "orders"));
  CHECK(run_lock_name("ab", "c") != run_lock_name("a", "bc"));
  CHECK(run_lock_name(std::string(64, 'd'), std::string(64, 't')).size() <= 64);
}

// The cut-over relies on the server locking T before the shadow and the log,
// and the server locks in byte order of the names.
TEST_CASE("the shadow and the change log sort after the table, at every length") {
  for (std::size_t length = 1; length <= kMaxIdentifierChars; ++length) {
    for (char fill : {'a', 'z', '_', 'A', '0', '~'}) {
      std::string table(length, fill);
      if (fill == '~') table.front() = 'q';  // only the first character is below '~'
      CAPTURE(table);
      const MigrationNames n = derive_names(table);
      for (const std::string* name : {&n.shadow, &n.change_log}) {
        CHECK(utf8_length(*name) <= kMaxIdentifierChars);
        CHECK(*name > table);
      }
      CHECK(n.shadow != n.change_log);
    }
  }
}

TEST_CASE("a long name with no character to sort after is refused") {
  std::string table;
  for (int i = 0; i < 60; ++i) table += "é";
  CHECK_THROWS_AS(derive_names(table), oa::RefusedError);
  CHECK(derive_names(std::string(60, 'a')).shadow.rfind(std::string(51, 'a') + "~", 0) == 0);
}

TEST_CASE("names at the limit are kept, one past it are shortened") {
  const std::string fits(59, 'a');  // "_" + 59 + "_new" = 64
  CHECK(derived_name(fits, "_new") == "_" + fits + "_new");
  const std::string over(60, 'a');
  const std::string shortened = derived_name(over, "_new");
  CHECK(utf8_length(shortened) == kMaxIdentifierChars);
  CHECK(shortened.substr(shortened.size() - 4) == "_new");
  CHECK(shortened.rfind("_aaaa", 0) == 0);
}

TEST_CASE("shortening is deterministic and keeps distinct tables distinct") {
  const std::string a(64, 'x');
  std::string b = a;
  b.back() = 'y';  // same 50-character prefix
  CHECK(derived_name(a, "_new") == derived_name(a, "_new"));
  CHECK(derived_name(a, "_new") != derived_name(b, "_new"));
  CHECK(derived_name(a, "_new") != derived_name(a, "_old"));
}

TEST_CASE("shortening counts characters and never splits a UTF-8 sequence") {
  std::string table;
  for (int i = 0; i < 64; ++i) table += "é";  // 2 bytes each
  const std::string name = derived_name(table, "_old");
  CHECK(utf8_length(name) <= kMaxIdentifierChars);
  // Every multi-byte sequence is whole: no 0xC3 lead byte without its follower.
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (static_cast<unsigned char>(name[i]) == 0xC3) {
      REQUIRE(i + 1 < name.size());
      CHECK(static_cast<unsigned char>(name[i + 1]) == 0xA9);
    }
  }
  CHECK(utf8_length("é🐬a") == 3);
}
