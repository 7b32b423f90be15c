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

TEST_CASE("a table's definition is compared without its AUTO_INCREMENT counter") {
  CHECK(
      without_auto_increment("CREATE TABLE `t` (\n  `id` int\n) ENGINE=InnoDB AUTO_INCREMENT=1001 "
                             "DEFAULT CHARSET=utf8mb4") ==
      "CREATE TABLE `t` (\n  `id` int\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
  CHECK(without_auto_increment("CREATE TABLE `t` (`id` int) ENGINE=InnoDB") ==
        "CREATE TABLE `t` (`id` int) ENGINE=InnoDB");
}
