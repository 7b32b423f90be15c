#include "sql/quote.h"

#include <doctest/doctest.h>

using oa::sql::qualified_name;
using oa::sql::quote_identifier;
using oa::sql::quoted_list;

TEST_CASE("quote_identifier wraps in backticks and doubles inner backticks") {
  CHECK(quote_identifier("t") == "`t`");
  CHECK(quote_identifier("a`b") == "`a``b`");
  CHECK(quote_identifier("``") == "``````");
  CHECK(quote_identifier("order by; drop") == "`order by; drop`");
  CHECK(quote_identifier("Ünïcødé 🐬") == "`Ünïcødé 🐬`");
}

TEST_CASE("qualified_name and quoted_list") {
  CHECK(qualified_name("d`b", "t") == "`d``b`.`t`");
  CHECK(quoted_list({"a", "b`"}) == "`a`, `b```");
  CHECK(quoted_list({"a", "b"}, "NEW") == "NEW.`a`, NEW.`b`");
  CHECK(quoted_list({}) == "");
}
