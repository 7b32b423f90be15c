#include "cli/dsn.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

#include "error.h"

using oa::cli::hide_dsn_password;
using oa::cli::looks_like_dsn;
using oa::cli::merge_dsn;
using oa::cli::parse_dsn;

namespace {

std::string usage_error_of(const std::string& dsn) {
  try {
    parse_dsn(dsn);
  } catch (const oa::UsageError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("every DSN key maps to its option") {
  const auto values = parse_dsn("h=db1,P=3307,u=app,p=s3=cret,D=shop,t=orders,S=/run/m.sock");
  CHECK(values == std::map<std::string, std::string>{{"host", "db1"},
                                                     {"port", "3307"},
                                                     {"user", "app"},
                                                     {"password", "s3=cret"},
                                                     {"database", "shop"},
                                                     {"table", "orders"},
                                                     {"socket", "/run/m.sock"}});
  CHECK(parse_dsn("D=shop").size() == 1);
  CHECK(parse_dsn("p=").at("password").empty());
}

TEST_CASE("a DSN with an unknown key, a part without '=' or a repeated key is refused") {
  CHECK(usage_error_of("h=db1,x=1").find("unknown DSN key 'x'") != std::string::npos);
  CHECK(usage_error_of("h=db1,host=db2").find("unknown DSN key 'host'") != std::string::npos);
  CHECK(usage_error_of("A=utf8").find("'A'") != std::string::npos);
  CHECK(usage_error_of("h=db1,shop").find("'shop' has no '='") != std::string::npos);
  CHECK(usage_error_of("h=a,h=b").find("'h' is given twice") != std::string::npos);
  // The message never repeats a value: it may be the password.
  CHECK(usage_error_of("p=hunter2,z=1").find("hunter2") == std::string::npos);
}

TEST_CASE("the DSN adds to the options; a different value for the same setting is refused") {
  const std::map<std::string, std::string> options{{"host", "db1"}, {"table", "t"}};
  const auto merged = merge_dsn(options, {{"host", "db1"}, {"database", "shop"}});
  CHECK(merged ==
        std::map<std::string, std::string>{{"host", "db1"}, {"table", "t"}, {"database", "shop"}});
  CHECK_THROWS_WITH_AS(merge_dsn(options, {{"host", "db2"}}),
                       "--host db1 conflicts with the DSN's host db2: give it once",
                       oa::UsageError);
  try {
    merge_dsn({{"password", "one"}}, {{"password", "two"}});
    FAIL("expected a usage error");
  } catch (const oa::UsageError& e) {
    const std::string message = e.what();
    CHECK(message.find("one") == std::string::npos);
    CHECK(message.find("two") == std::string::npos);
  }
}

TEST_CASE("a DSN's password is overwritten in place, the rest kept") {
  CHECK(looks_like_dsn("h=db1,p=x"));
  CHECK(looks_like_dsn("p=x"));
  CHECK_FALSE(looks_like_dsn("--password=x"));
  CHECK_FALSE(looks_like_dsn("ADD COLUMN c INT"));
  std::string dsn = "h=db1,p=secret,D=shop";
  hide_dsn_password(dsn.data());
  CHECK(dsn == "h=db1,p=******,D=shop");
  std::string last = "u=app,p=secret";
  hide_dsn_password(last.data());
  CHECK(last == "u=app,p=******");
  std::string first = "p=s,D=shop";
  hide_dsn_password(first.data());
  CHECK(first == "p=*,D=shop");
  std::string none = "h=db1,D=shop";
  hide_dsn_password(none.data());
  CHECK(none == "h=db1,D=shop");
}
