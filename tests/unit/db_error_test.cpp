#include "db/db_error.h"

#include <doctest/doctest.h>

using oa::db::DbError;

TEST_CASE("a session the server closed counts as lost, with or without TLS") {
  CHECK(DbError(2013, "Lost connection to server during query", "SELECT 1").is_connection_lost());
  CHECK(DbError(2026, "TLS/SSL error: unexpected eof while reading", "SELECT 1")
            .is_connection_lost());
  CHECK(DbError(2026, "TLS/SSL error: unexpected eof while reading", "SELECT 1").is_transient());
  CHECK_FALSE(DbError(1062, "Duplicate entry", "INSERT").is_connection_lost());
}
