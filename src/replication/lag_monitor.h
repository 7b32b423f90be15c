// Watches the replicas' lag on a thread of its own, every --check-interval and
// at least four times per --max-lag:
// raises the heartbeat on the primary, then reads on each replica the beat it
// has applied (heartbeat_log.h) and its replication status. The copy pauses
// and the cut-over waits while any replica lags more than --max-lag, has
// stopped replicating, or cannot be read: a replica the tool cannot see is
// never taken to be in sync.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "db/connection.h"
#include "phases/pause_signal.h"
#include "replication/heartbeat_log.h"
#include "replication/replica_set.h"

namespace oa::replication {

struct LagSettings {
  double max_lag = 1;         // seconds; --max-lag
  double check_interval = 1;  // seconds; --check-interval
  std::string database;       // where the heartbeat table lives: the migrated table's
  std::string heartbeat_table;
};

// The last reading of one replica.
struct ReplicaReading {
  std::string name;
  std::optional<double> lag_seconds;  // nullopt while it cannot be measured
  std::string problem;                // why it does not replicate or cannot be read; "" if fine
};

class LagMonitor : public phases::PauseSignal {
 public:
  // Creates the heartbeat table on the primary (kept if it exists, for a
  // resumed run), takes a first reading of every replica, and starts the
  // thread. Throws what creating the table throws.
  LagMonitor(const db::ConnectionSettings& primary, std::vector<Replica> replicas,
             LagSettings settings);
  // Stops the thread and drops the heartbeat table (a failure is logged:
  // `online-alter cleanup` removes it).
  ~LagMonitor() override;
  LagMonitor(const LagMonitor&) = delete;
  LagMonitor& operator=(const LagMonitor&) = delete;

  // The first replica that lags too much, has stopped or cannot be read, in
  // words that stay the same while its lag changes; "" when all are in sync.
  std::string pause_reason() override;

  std::vector<ReplicaReading> readings() const;

 private:
  struct Watched {
    Replica replica;
    std::unique_ptr<db::Connection> connection;  // reopened after a failure
    std::string status_statement;                // the replica's SHOW ... STATUS that works
    std::uint64_t seen = 0;                      // the last beat it had
  };

  void run();
  void check();
  void beat();
  ReplicaReading read(Watched& w);
  std::string status_problem(Watched& w, std::optional<double>& seconds_behind);
  void report_change(const ReplicaReading& before, const ReplicaReading& now) const;

  LagSettings settings_;
  db::ConnectionSettings primary_settings_;
  std::unique_ptr<db::Connection> primary_;  // the heartbeat's writer; reopened after a failure
  std::string beat_failure_;                 // why the last beat failed; "" when it was written
  std::vector<Watched> watched_;             // used by the monitor's thread only
  HeartbeatLog heartbeats_;

  mutable std::mutex mutex_;  // guards readings_ and stopping_
  std::vector<ReplicaReading> readings_;
  bool stopping_ = false;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace oa::replication
