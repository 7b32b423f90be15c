#include <doctest/doctest.h>

#include "preflight/checks.h"

using namespace oa;

TEST_CASE("a replicating or read_only server is refused, naming why") {
  CHECK_FALSE(preflight::check_not_replica(schema::ServerRole{false, 0}).has_value());
  const auto replica = preflight::check_not_replica(schema::ServerRole{false, 1});
  REQUIRE(replica.has_value());
  CHECK(replica->find("is a replica") != std::string::npos);
  CHECK(replica->find("--allow-on-replica") != std::string::npos);
  const auto read_only = preflight::check_not_replica(schema::ServerRole{true, 0});
  REQUIRE(read_only.has_value());
  CHECK(read_only->find("read_only") != std::string::npos);
}
