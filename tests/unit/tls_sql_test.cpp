#include "sql/tls_sql.h"

#include <doctest/doctest.h>

TEST_CASE("the session's cipher is read from its status") {
  CHECK(oa::sql::session_cipher() == "SHOW SESSION STATUS LIKE 'Ssl_cipher'");
}
