#include "cli/connection_sources.h"

#include <doctest/doctest.h>

#include "error.h"

using oa::cli::ConnectionSources;
using oa::cli::resolve_connection;
using oa::db::SslMode;

TEST_CASE("the password: command line, then MYSQL_PWD, then --defaults-file, then ~/.my.cnf") {
  ConnectionSources sources;
  sources.home_file = {{"password", "home"}};
  CHECK(resolve_connection(sources).password == "home");
  sources.defaults_file = {{"password", "file"}};
  CHECK(resolve_connection(sources).password == "file");
  sources.environment_password = "env";
  CHECK(resolve_connection(sources).password == "env");
  sources.command_line = {{"password", "option"}};
  CHECK(resolve_connection(sources).password == "option");
  // An empty password given is a password given.
  sources.command_line = {{"password", ""}};
  CHECK(resolve_connection(sources).password.empty());
}

TEST_CASE("other settings: command line, then --defaults-file, then ~/.my.cnf, then defaults") {
  ConnectionSources sources;
  sources.login_name = "login";
  auto s = resolve_connection(sources);
  CHECK(s.host == "localhost");
  CHECK(s.port == 3306);
  CHECK(s.user == "login");
  CHECK(s.ssl_mode == SslMode::kPreferred);
  sources.home_file = {
      {"host", "h-home"}, {"user", "u-home"}, {"port", "3310"}, {"ssl-ca", "/home-ca.pem"}};
  sources.defaults_file = {{"user", "u-file"}};
  sources.command_line = {{"host", "h-cli"}};
  s = resolve_connection(sources);
  CHECK(s.host == "h-cli");
  CHECK(s.user == "u-file");
  CHECK(s.port == 3310);
  CHECK(s.ssl_ca == "/home-ca.pem");
}

TEST_CASE("TLS settings") {
  ConnectionSources sources;
  sources.command_line = {{"ssl-mode", "verify_ca"}, {"ssl-ca", "/ca.pem"}};
  CHECK(resolve_connection(sources).ssl_mode == SslMode::kVerifyCa);
  sources.command_line = {{"ssl-mode", "VERIFY_IDENTITY"}};
  CHECK_THROWS_AS(resolve_connection(sources), oa::UsageError);  // no CA
  sources.command_line = {{"ssl-mode", "sometimes"}};
  CHECK_THROWS_AS(resolve_connection(sources), oa::UsageError);
  sources.command_line = {{"ssl-mode", "REQUIRED"}, {"ssl-cert", "/c.pem"}};
  CHECK_THROWS_AS(resolve_connection(sources), oa::UsageError);  // no key
  sources.command_line["ssl-key"] = "/k.pem";
  const auto s = resolve_connection(sources);
  CHECK(s.ssl_mode == SslMode::kRequired);
  CHECK(s.ssl_key == "/k.pem");
  CHECK(oa::cli::parse_ssl_mode("disabled") == SslMode::kDisabled);
  CHECK(oa::cli::parse_ssl_mode("Preferred") == SslMode::kPreferred);
}

TEST_CASE("a port that is not a number is a usage error") {
  ConnectionSources sources;
  sources.defaults_file = {{"port", "33o6"}};
  CHECK_THROWS_AS(resolve_connection(sources), oa::UsageError);
  sources.defaults_file = {{"port", "70000"}};
  CHECK_THROWS_AS(resolve_connection(sources), oa::UsageError);
}
