#include "history/text_table.h"

#include <doctest/doctest.h>

using namespace oa::history;

TEST_CASE("a text table aligns its columns to the widest cell") {
  CHECK(text_table({"ID", "TABLE", "OUTCOME"},
                   {{"12", "`d`.`orders`", "ok (0)"}, {"3", "`d`.`t`"}}) ==
        "ID  TABLE         OUTCOME\n"
        "12  `d`.`orders`  ok (0)\n"
        "3   `d`.`t`\n");
  // Widths count characters, not bytes.
  CHECK(text_table({"A", "B"}, {{"\xc3\xa9t\xc3\xa9", "x"}}) ==
        "A    B\n"
        "\xc3\xa9t\xc3\xa9  x\n");
  CHECK(text_table({"ID"}, {}) == "ID\n");
}

TEST_CASE("one_line flattens and shortens") {
  CHECK(one_line("ADD COLUMN c INT,\n  ADD INDEX (c)", 100) == "ADD COLUMN c INT,   ADD INDEX (c)");
  CHECK(one_line("abcdefghij", 8) == "abcde...");
  CHECK(one_line("abcdefgh", 8) == "abcdefgh");
}
