#include "replication/lag_monitor.h"

#include <algorithm>
#include <cmath>

#include "db/db_error.h"
#include "db/thread_scope.h"
#include "error.h"
#include "log.h"
#include "replication/replica_status.h"
#include "sql/ddl.h"
#include "sql/heartbeat_sql.h"
#include "sql/quote.h"

namespace oa::replication {
namespace {

using Clock = HeartbeatLog::Clock;

// MariaDB lists every replication connection with SHOW ALL SLAVES STATUS;
// MySQL has SHOW REPLICA STATUS since 8.0.22 and SHOW SLAVE STATUS before.
constexpr const char* kStatusStatements[] = {"SHOW ALL SLAVES STATUS", "SHOW REPLICA STATUS",
                                             "SHOW SLAVE STATUS"};
constexpr int kErrParse = 1064;
constexpr int kErrAccessDenied = 1227;

std::string seconds_text(double s) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f s", s);
  return text;
}

}  // namespace

LagMonitor::LagMonitor(const db::ConnectionSettings& primary, std::vector<Replica> replicas,
                       LagSettings settings)
    : settings_(std::move(settings)), primary_settings_(primary) {
  primary_ = db::Connection::open(primary_settings_);
  const std::string& db = settings_.database;
  const std::string& table = settings_.heartbeat_table;
  if (primary_
          ->query("SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND "
                  "TABLE_NAME = ?",
                  {db::Param{db}, db::Param{table}})
          .empty()) {
    primary_->execute(sql::create_heartbeat(db, table));
    primary_->update(sql::seed_heartbeat(db, table));
  } else {
    heartbeats_.wrote(primary_->query_number(sql::read_heartbeat(db, table)), Clock::now());
  }
  for (auto& r : replicas) watched_.push_back({std::move(r), nullptr, "", 0});
  readings_.resize(watched_.size());
  check();
  thread_ = std::thread([this] { run(); });
}

LagMonitor::~LagMonitor() {
  {
    std::lock_guard<std::mutex> guard(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  try {
    if (!primary_) primary_ = db::Connection::open(primary_settings_);
    primary_->execute(sql::drop_table_if_exists(settings_.database, settings_.heartbeat_table));
  } catch (const std::exception& e) {
    log::warning("could not drop the heartbeat table " +
                 sql::qualified_name(settings_.database, settings_.heartbeat_table) + ": " +
                 e.what() + "; online-alter cleanup removes it");
  }
}

void LagMonitor::run() {
  db::ThreadScope thread;
  // A replica's lag is known to within the heartbeat's period (it lies
  // between the ages of the last beat it has and of the first it lacks), so
  // a round runs at least four times per --max-lag. The worst lag still
  // passes the limit by about a chunk: the last chunk let through below the
  // limit is replayed on top of it (the benchmark: 1.0 to 1.3 s with
  // --max-lag 1, at a period of 1 s and of 0.25 s alike).
  const auto interval =
      std::chrono::duration<double>(std::min(settings_.check_interval, settings_.max_lag / 4));
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, interval, [this] { return stopping_; })) {
    lock.unlock();
    check();
    lock.lock();
  }
}

void LagMonitor::check() {
  beat();
  std::vector<ReplicaReading> now;
  std::uint64_t seen_by_all = heartbeats_.next_beat();
  for (auto& w : watched_) {
    now.push_back(read(w));
    seen_by_all = std::min(seen_by_all, w.seen);
  }
  heartbeats_.forget_up_to(seen_by_all);
  std::lock_guard<std::mutex> guard(mutex_);
  for (std::size_t i = 0; i < now.size(); ++i) report_change(readings_[i], now[i]);
  readings_ = std::move(now);
}

void LagMonitor::beat() {
  const std::uint64_t next = heartbeats_.next_beat();
  try {
    if (!primary_) primary_ = db::Connection::open(primary_settings_);
    primary_->update(sql::beat(settings_.database, settings_.heartbeat_table),
                     {db::Param{std::to_string(next), false, true}});
    heartbeats_.wrote(next, Clock::now());
    if (!beat_failure_.empty()) log::info("the heartbeat is written again");
    beat_failure_.clear();
  } catch (const Error& e) {
    // Without beats the lag cannot be measured: every replica counts as unknown.
    if (beat_failure_.empty()) log::warning(std::string("cannot write the heartbeat: ") + e.what());
    beat_failure_ = e.what();
    primary_.reset();
  }
}

std::string LagMonitor::status_problem(Watched& w, std::optional<double>& seconds_behind) {
  for (const char* statement : kStatusStatements) {
    if (!w.status_statement.empty() && w.status_statement != statement) continue;
    try {
      const ReplicaStatus s = replica_status(w.connection->query_named(statement));
      w.status_statement = statement;
      seconds_behind = s.seconds_behind;
      return s.stopped;
    } catch (const db::DbError& e) {
      if (e.server_code() == kErrParse && w.status_statement.empty()) continue;
      if (e.server_code() != kErrAccessDenied) throw;
      // Lacking REPLICATION CLIENT (SLAVE MONITOR) the heartbeat alone tells
      // the lag: a stopped replica still shows as a growing lag.
      if (w.status_statement != "-") {
        log::warning("replica " + w.replica.name + ": " + e.what() +
                     "; its lag is read from the heartbeat alone");
      }
      w.status_statement = "-";
      return "";
    }
  }
  return "";
}

ReplicaReading LagMonitor::read(Watched& w) {
  ReplicaReading r{w.replica.name, std::nullopt, ""};
  try {
    if (!w.connection) w.connection = db::Connection::open(w.replica.settings);
    std::optional<double> seconds_behind;
    if (w.status_statement != "-") r.problem = status_problem(w, seconds_behind);
    try {
      const db::Value seen = w.connection->query_value(
          sql::read_heartbeat(settings_.database, settings_.heartbeat_table));
      w.seen = seen ? std::stoull(*seen) : 0;
    } catch (const db::DbError& e) {
      // The table's creation has not reached the replica yet.
      if (e.server_code() != db::kErrNoSuchTable) throw;
      w.seen = 0;
    }
    if (beat_failure_.empty()) {
      r.lag_seconds =
          std::max(heartbeats_.lag_seconds(w.seen, Clock::now()), seconds_behind.value_or(0));
    } else {
      r.problem = "its lag cannot be measured: the heartbeat cannot be written on the primary";
    }
  } catch (const Error& e) {
    r.problem = std::string("it cannot be read: ") + e.what();
    w.connection.reset();
  }
  log::Fields fields = {{"replica", r.name}, {"problem", r.problem}};
  if (r.lag_seconds) fields.push_back({"lag_seconds", *r.lag_seconds});
  log::event(log::Level::kDebug, "replica_lag", "", fields);
  return r;
}

void LagMonitor::report_change(const ReplicaReading& before, const ReplicaReading& now) const {
  if (now.problem == before.problem) return;
  if (!now.problem.empty()) {
    log::warning("replica " + now.name + ": " + now.problem +
                 "; the copy and the cut-over wait for it");
  } else if (!before.name.empty()) {
    log::info("replica " + now.name + " replicates again");
  }
}

std::string LagMonitor::pause_reason() {
  std::lock_guard<std::mutex> guard(mutex_);
  for (const auto& r : readings_) {
    if (!r.problem.empty()) return "replica " + r.name + ": " + r.problem;
    if (!r.lag_seconds) return "replica " + r.name + ": its lag is unknown";
    if (*r.lag_seconds > settings_.max_lag) {
      return "replica " + r.name + " lags more than --max-lag " + seconds_text(settings_.max_lag);
    }
  }
  return "";
}

std::vector<ReplicaReading> LagMonitor::readings() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return readings_;
}

}  // namespace oa::replication
