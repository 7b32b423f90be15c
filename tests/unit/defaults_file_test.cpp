#include "cli/defaults_file.h"

#include <doctest/doctest.h>

using oa::cli::parse_client_group;

TEST_CASE("only the [client] group is read; quotes and spacing are removed") {
  auto keys = parse_client_group(
      "# comment\n[mysqld]\nport=1\n[client]\nuser = app\npassword=\"s3 cret\"\n"
      "host=db.local\nsocket_path=x\n[mysql]\nuser=other\n");
  CHECK(keys.at("user") == "app");
  CHECK(keys.at("password") == "s3 cret");
  CHECK(keys.at("host") == "db.local");
  CHECK(keys.at("socket-path") == "x");
  CHECK(keys.count("port") == 0);
}
