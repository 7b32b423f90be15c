#include <doctest/doctest.h>

#include <string>

#include "argv.h"
#include "error.h"
#include "plan/plan_report.h"
#include "replication/heartbeat_log.h"
#include "replication/replica_set.h"
#include "replication/replica_status.h"
#include "status/metrics_file.h"
#include "status/status_board.h"

using namespace oa;
using replication::HeartbeatLog;
using Clock = HeartbeatLog::Clock;

TEST_CASE("heartbeat lag is the age of the first beat a replica lacks, on the tool's clock") {
  HeartbeatLog log;
  const auto t0 = Clock::now();
  CHECK(log.next_beat() == 1);
  log.wrote(1, t0);
  log.wrote(2, t0 + std::chrono::seconds(1));
  log.wrote(3, t0 + std::chrono::seconds(2));
  const auto now = t0 + std::chrono::milliseconds(2500);
  CHECK(log.lag_seconds(3, now) == 0);                     // has every beat
  CHECK(log.lag_seconds(2, now) == doctest::Approx(0.5));  // lacks beat 3
  CHECK(log.lag_seconds(0, now) == doctest::Approx(2.5));  // lacks them all
  CHECK(log.next_beat() == 4);
  // Beats every replica has are forgotten; the lag of the rest is unchanged.
  log.forget_up_to(1);
  CHECK(log.lag_seconds(1, now) == doctest::Approx(1.5));
  CHECK(log.lag_seconds(2, now) == doctest::Approx(0.5));
}

namespace {

db::NamedRow replica_row(const char* io, const char* sql, db::Value behind) {
  return {{"Slave_IO_Running", std::string(io)},
          {"Slave_SQL_Running", std::string(sql)},
          {"Seconds_Behind_Master", behind},
          {"Last_SQL_Error", std::string("")},
          {"Last_IO_Error", std::string("")}};
}

}  // namespace

TEST_CASE("replica status: running threads, stopped ones, and the MySQL 8 column names") {
  auto ok = replication::replica_status({replica_row("Yes", "Yes", std::string("3"))});
  CHECK(ok.stopped.empty());
  CHECK(ok.seconds_behind == 3.0);

  auto sql_stopped = replication::replica_status({replica_row("Yes", "No", std::nullopt)});
  CHECK(sql_stopped.stopped.find("SQL thread is stopped") != std::string::npos);
  CHECK_FALSE(sql_stopped.seconds_behind.has_value());

  auto io_connecting =
      replication::replica_status({replica_row("Connecting", "Yes", std::nullopt)});
  CHECK(io_connecting.stopped.find("IO thread is reconnecting") != std::string::npos);

  CHECK(replication::replica_status({}).stopped.find("replicates from no primary") !=
        std::string::npos);

  db::NamedRow mysql8 = {{"Replica_IO_Running", std::string("Yes")},
                         {"Replica_SQL_Running", std::string("Yes")},
                         {"Seconds_Behind_Source", std::string("7")}};
  auto source = replication::replica_status({mysql8});
  CHECK(source.stopped.empty());
  CHECK(source.seconds_behind == 7.0);

  // Multi-source: a stopped connection counts, and the largest delay wins.
  auto second = replica_row("Yes", "No", std::string("1"));
  second["Connection_name"] = std::string("east");
  auto both = replication::replica_status({replica_row("Yes", "Yes", std::string("4")), second});
  CHECK(both.stopped.find("connection 'east'") != std::string::npos);
  CHECK(both.seconds_behind == 4.0);
}

TEST_CASE("--replica takes a DSN; the rest of the connection is the primary's") {
  auto r = test::parse({"--database", "d", "--table", "t", "--alter", "ADD c INT", "--replica",
                        "h=10.0.0.2,P=3307", "--replica", "h=10.0.0.3,u=watcher,p=secret"});
  const auto& o = r.options;
  REQUIRE(o.replicas.size() == 2);
  db::ConnectionSettings primary;
  primary.host = "10.0.0.1";
  primary.port = 3306;
  primary.user = "admin";
  primary.password = "pw";
  primary.socket = "/run/mysqld/mysqld.sock";
  primary.database = "d";
  primary.ssl_mode = db::SslMode::kVerifyCa;
  const auto first = replication::replica_settings(primary, o.replicas[0]);
  CHECK(first.host == "10.0.0.2");
  CHECK(first.port == 3307);
  CHECK(first.user == "admin");
  CHECK(first.password == "pw");
  CHECK(first.socket.empty());  // the primary's socket leads to the primary
  CHECK(first.ssl_mode == db::SslMode::kVerifyCa);
  const auto second = replication::replica_settings(primary, o.replicas[1]);
  CHECK(second.port == 3306);
  CHECK(second.user == "watcher");
  CHECK(second.password == "secret");
  CHECK(o.recursion_methods == std::vector<std::string>{"hosts", "processlist"});
  CHECK(o.max_lag == 1.0);
  CHECK(o.check_interval == 1.0);
}

TEST_CASE("a --replica password is hidden from the process list, in both spellings") {
  test::Argv a({"--database", "d", "--table", "t", "--alter", "ADD c INT", "--replica",
                "h=r1,p=secret1", "--replica=h=r2,p=secret2"});
  const auto r = cli::parse_options(a.argc(), a.argv());
  for (const auto& arg : a.storage) {
    CHECK(arg.find("secret") == std::string::npos);
  }
  REQUIRE(r.options.replicas.size() == 2);
  CHECK(r.options.replicas[1].at("password") == "secret2");
}

TEST_CASE("bad replica options are usage errors naming the option") {
  const std::vector<std::string> base = {"--database", "d", "--table", "t", "--alter", "ADD c INT"};
  auto with = [&](std::vector<std::string> extra) {
    auto args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  CHECK_THROWS_WITH_AS(test::parse(with({"--replica", "h=r,D=other"})),
                       doctest::Contains("--replica"), UsageError);
  CHECK_THROWS_WITH_AS(test::parse(with({"--recursion-method", "dsn"})),
                       doctest::Contains("--recursion-method"), UsageError);
  CHECK_THROWS_WITH_AS(test::parse(with({"--recursion-method", "none,hosts"})),
                       doctest::Contains("none"), UsageError);
  CHECK_THROWS_WITH_AS(test::parse(with({"--max-lag", "0"})), doctest::Contains("--max-lag"),
                       UsageError);
  CHECK_THROWS_WITH_AS(test::parse(with({"--check-interval", "0"})),
                       doctest::Contains("--check-interval"), UsageError);
  CHECK(test::parse(with({"--recursion-method", "none"})).options.recursion_methods.empty());
  CHECK(test::parse(with({"--recursion-method", "processlist"})).options.recursion_methods ==
        std::vector<std::string>{"processlist"});
  db::ConnectionSettings primary;
  CHECK_THROWS_AS(replication::replica_settings(primary, {{"port", "x"}}), UsageError);
}

TEST_CASE("replica lag reaches the status line, the status fields and the metrics") {
  status::StatusBoard board;
  board.observe(
      "replica_lag",
      {{"replica", std::string("r1:3306")}, {"problem", std::string("")}, {"lag_seconds", 0.25}});
  board.observe(
      "replica_lag",
      {{"replica", std::string("r2:3306")}, {"problem", std::string("")}, {"lag_seconds", 2.5}});
  auto s = board.snapshot();
  REQUIRE(status::worst_replica_lag(s).has_value());
  CHECK(*status::worst_replica_lag(s) == 2.5);
  CHECK(status::status_text(s).find("replica lag 2.5") != std::string::npos);
  const std::string metrics = status::prometheus_text(s, {"d", "t"}, std::nullopt, 0);
  CHECK(metrics.find("online_alter_replica_lag_seconds{database=\"d\",table=\"t\",replica=\"r2:"
                     "3306\"} 2.5") != std::string::npos);

  // A replica that cannot be read: its lag is unknown, never 0.
  board.observe("replica_lag", {{"replica", std::string("r1:3306")},
                                {"problem", std::string("it cannot be read: refused")}});
  s = board.snapshot();
  CHECK_FALSE(status::worst_replica_lag(s).has_value());
  CHECK(status::status_text(s).find("replica lag unknown") != std::string::npos);
  CHECK(status::prometheus_text(s, {"d", "t"}, std::nullopt, 0).find("replica=\"r1:3306\"} NaN") !=
        std::string::npos);
}

TEST_CASE("the plan names the replicas watched and the heartbeat table") {
  plan::MigrationPlan p;
  p.database = "d";
  p.table = "t";
  p.names = plan::derive_names("t");
  p.chunk_key.index = "PRIMARY";
  p.chunk_key.columns = {"id"};
  const std::string none = plan::render_plan(p, {2, 10, {}, 1});
  CHECK(none.find("replicas watched: none") != std::string::npos);
  const std::string two = plan::render_plan(p, {2, 10, {"r1:3306 (--replica)"}, 1.5});
  CHECK(two.find("`d`.`t_oa_hb`") != std::string::npos);
  CHECK(two.find("more than 1.5 s") != std::string::npos);
  CHECK(two.find("r1:3306 (--replica)") != std::string::npos);
}
