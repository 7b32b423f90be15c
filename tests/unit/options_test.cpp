#include "cli/options.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "argv.h"
#include "error.h"

using namespace oa::cli;
using oa::test::Argv;
using oa::test::parse;

TEST_CASE("required options and modes") {
  unsetenv("MYSQL_PWD");
  auto r = parse({"--database", "d", "--table", "t", "--alter", "ADD c INT", "--execute"});
  CHECK(r.options.mode == Mode::kExecute);
  CHECK(r.options.connection.database == "d");
  CHECK(r.options.chunk_time == doctest::Approx(0.5));
  CHECK(r.options.lock_wait_timeout == 2);
  CHECK(r.options.drop_old_table);
  CHECK(parse({"-D", "d", "-t", "t", "--alter", "x"}).options.mode == Mode::kPlanOnly);
  CHECK(parse({"-D", "d", "-t", "t", "--alter", "x", "--dry-run"}).options.mode == Mode::kDryRun);
}

TEST_CASE("bad options are usage errors with a reason") {
  CHECK_THROWS_AS(parse({"--table", "t", "--alter", "x"}), oa::UsageError);
  CHECK_THROWS_AS(parse({"-D", "d", "--alter", "x"}), oa::UsageError);
  CHECK_THROWS_AS(parse({"-D", "d", "-t", "t"}), oa::UsageError);
  CHECK_THROWS_AS(parse({"-D", "d", "-t", "t", "--alter", "x", "--dry-run", "--execute"}),
                  oa::UsageError);
  CHECK_THROWS_AS(parse({"-D", "d", "-t", "t", "--alter", "x", "--bogus"}), oa::UsageError);
  CHECK_THROWS_AS(parse({"-D", "d", "-t", "t", "--alter", "x", "--chunk-time", "0"}),
                  oa::UsageError);
  CHECK_THROWS_AS(parse({"-D", "d", "-t", "t", "--alter", "x", "--port", "abc"}), oa::UsageError);
  try {
    parse({"-D", "d", "-t", "t", "--alter", "x", "--max-load", "Threads_running"});
    FAIL("expected a usage error");
  } catch (const oa::UsageError& e) {
    CHECK(std::string(e.what()).find("--max-load") != std::string::npos);
  }
}

TEST_CASE("load limits") {
  auto limits = parse_load_limits("Threads_running=25,Threads_connected=300", "max-load");
  REQUIRE(limits.size() == 2);
  CHECK(limits[1].variable == "Threads_connected");
  CHECK(limits[1].threshold == 300);
  CHECK(parse_load_limits("0", "critical-load").empty());
  CHECK_THROWS_AS(parse_load_limits("a;b=1", "max-load"), oa::UsageError);
}

TEST_CASE("password: option over MYSQL_PWD; the option's value is hidden in argv") {
  setenv("MYSQL_PWD", "from-env", 1);
  CHECK(parse({"-D", "d", "-t", "t", "--alter", "x"}).options.connection.password == "from-env");
  Argv a({"-D", "d", "-t", "t", "--alter", "x", "--password", "secret"});
  auto r = parse_options(a.argc(), a.argv());
  CHECK(r.options.connection.password == "secret");
  CHECK(std::string(a.argv()[8]) == "******");
  Argv b({"-D", "d", "-t", "t", "--alter", "x", "--password=topsecret"});
  parse_options(b.argc(), b.argv());
  CHECK(std::string(b.argv()[7]) == "--password=*********");
  unsetenv("MYSQL_PWD");
}

TEST_CASE("help and version print and exit") {
  CHECK(parse({"--help"}).print_and_exit.find("--alter") != std::string::npos);
  CHECK(parse({"--version"}).print_and_exit.find("online-alter") == 0);
}

TEST_CASE("--resume, --keep-for-resume and --retries") {
  auto r = parse({"-D", "d", "-t", "t", "--alter", "ADD c INT", "--execute", "--resume",
                  "--keep-for-resume", "--retries", "3"});
  CHECK(r.options.resume);
  CHECK(r.options.keep_for_resume);
  CHECK(r.options.retries == 3);
  CHECK(parse({"-D", "d", "-t", "t", "--alter", "ADD c INT", "--execute"}).options.retries == 10);
  CHECK_FALSE(parse({"-D", "d", "-t", "t", "--alter", "x", "--execute"}).options.allow_lossy);
  CHECK(parse({"-D", "d", "-t", "t", "--alter", "x", "--execute", "--allow-lossy"})
            .options.allow_lossy);
  CHECK_THROWS_AS(parse({"-D", "d", "-t", "t", "--alter", "ADD c INT", "--resume"}),
                  oa::UsageError);
  CHECK_THROWS_AS(parse({"-D", "d", "-t", "t", "--alter", "ADD c INT", "--dry-run", "--resume"}),
                  oa::UsageError);
}

TEST_CASE("--alter-foreign-keys-method") {
  const std::vector<std::string> base = {"-D", "d", "-t", "t", "--alter", "ADD c INT"};
  CHECK_FALSE(parse(base).options.rebuild_child_constraints);
  auto with = [&](const std::string& method) {
    auto args = base;
    args.insert(args.end(), {"--alter-foreign-keys-method", method});
    return args;
  };
  CHECK(parse(with("rebuild_constraints")).options.rebuild_child_constraints);
  CHECK_FALSE(parse(with("none")).options.rebuild_child_constraints);
  CHECK_THROWS_AS(parse(with("drop_swap")), oa::UsageError);
}

TEST_CASE("the cleanup command") {
  auto r = parse({"cleanup", "-D", "d", "-t", "t"});
  CHECK(r.options.command == Command::kCleanup);
  CHECK(r.options.mode == Mode::kExecute);
  CHECK_FALSE(r.options.remove_old_table);
  r = parse({"cleanup", "-D", "d", "-t", "t", "--dry-run", "--drop-old-table"});
  CHECK(r.options.mode == Mode::kDryRun);
  CHECK(r.options.remove_old_table);
  CHECK_THROWS_AS(parse({"cleanup", "-D", "d"}), oa::UsageError);
  CHECK_THROWS_AS(parse({"cleanup", "-D", "d", "-t", "t", "--alter", "x"}), oa::UsageError);
  CHECK(parse({"cleanup", "--help"}).print_and_exit.find("cleanup") != std::string::npos);
}

TEST_CASE("--max-flow-ctl: a percentage, 10 by default") {
  CHECK(parse({"-D", "d", "-t", "t", "--alter", "x"}).options.max_flow_ctl == 10);
  CHECK(
      parse({"-D", "d", "-t", "t", "--alter", "x", "--max-flow-ctl", "2.5"}).options.max_flow_ctl ==
      2.5);
  CHECK_THROWS_AS(parse({"-D", "d", "-t", "t", "--alter", "x", "--max-flow-ctl", "101"}),
                  oa::UsageError);
  CHECK_THROWS_AS(parse({"-D", "d", "-t", "t", "--alter", "x", "--max-flow-ctl", "-1"}),
                  oa::UsageError);
}
