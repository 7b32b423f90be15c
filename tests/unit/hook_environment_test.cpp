#include "hooks/hook_environment.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace oa::hooks;

namespace {

bool has(const std::vector<std::string>& entries, const std::string& entry) {
  return std::find(entries.begin(), entries.end(), entry) != entries.end();
}

std::string value_of(const Variables& variables, const std::string& name) {
  for (const auto& [key, value] : variables) {
    if (key == name) return value;
  }
  return "<absent>";
}

}  // namespace

TEST_CASE("the hook's variables describe the run, and its end when there is one") {
  oa::status::StatusSnapshot now;
  now.phase = oa::status::Phase::kCopy;
  now.rows_copied = 1200;
  now.estimated_rows = 5000;
  now.chunks = 3;
  now.elapsed_seconds = 12.34;
  const oa::status::RunIdentity run{"shop", "orders", "ADD COLUMN c INT", "execute"};
  const Variables during = hook_variables("before-cutover", run, now, std::nullopt);
  CHECK(value_of(during, "OA_HOOK_EVENT") == "before-cutover");
  CHECK(value_of(during, "OA_DATABASE") == "shop");
  CHECK(value_of(during, "OA_TABLE") == "orders");
  CHECK(value_of(during, "OA_ALTER") == "ADD COLUMN c INT");
  CHECK(value_of(during, "OA_MODE") == "execute");
  CHECK(value_of(during, "OA_PHASE") == "copy");
  CHECK(value_of(during, "OA_ROWS_COPIED") == "1200");
  CHECK(value_of(during, "OA_ESTIMATED_ROWS") == "5000");
  CHECK(value_of(during, "OA_CHUNKS") == "3");
  CHECK(value_of(during, "OA_ELAPSED_SECONDS") == "12.3");
  CHECK(value_of(during, "OA_EXIT_CODE") == "<absent>");

  const Variables failed = hook_variables("failure", run, now, RunEnd{4, "refused: no table"});
  CHECK(value_of(failed, "OA_EXIT_CODE") == "4");
  CHECK(value_of(failed, "OA_OUTCOME") == "refused");
  CHECK(value_of(failed, "OA_ERROR") == "refused: no table");
}

TEST_CASE("the hook's environment never carries the password") {
  const std::vector<std::string> inherited = {"PATH=/usr/bin:/bin", "MYSQL_PWD=s3cret-pw",
                                              "OTHER=x s3cret-pw y", "HOME=/root",
                                              "OA_TABLE=stale"};
  const auto env = hook_environment(inherited, {{"OA_TABLE", "orders"}}, "s3cret-pw");
  CHECK(env == std::vector<std::string>{"PATH=/usr/bin:/bin", "HOME=/root", "OA_TABLE=orders"});
  // Without a password MYSQL_PWD still goes (it may be empty, or another's).
  CHECK_FALSE(has(hook_environment({"MYSQL_PWD="}, {}, ""), "MYSQL_PWD="));
  // A very short password is only matched as a whole value.
  const auto short_one = hook_environment({"PATH=/usr/bin", "X=ab"}, {}, "ab");
  CHECK(short_one == std::vector<std::string>{"PATH=/usr/bin"});
}
