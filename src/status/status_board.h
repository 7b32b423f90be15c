// What a run is doing now, gathered from the events it logs: the phase and
// how long each took, the copy's and the verification's progress, the
// throttle's state, retries. Read by the progress display, and by whatever
// reports the run's status or summary. Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "log.h"
#include "status/json.h"
#include "status/phase.h"

namespace oa::status {

// The last lag reading of one replica ("replica_lag" events).
struct ReplicaLag {
  std::string replica;                // host:port
  std::optional<double> lag_seconds;  // nullopt while it cannot be measured
  std::string problem;                // why it does not replicate or cannot be read; "" if fine
};

struct StatusSnapshot {
  Phase phase = Phase::kStarting;
  double phase_seconds = 0;  // in the current phase
  double elapsed_seconds = 0;
  // Each finished phase with its duration, in the order they ran; a phase
  // entered twice (verify after a postponement) adds up.
  std::vector<std::pair<Phase, double>> finished_phases;
  std::uint64_t rows_copied = 0;  // rows in the key ranges copied so far
  std::uint64_t estimated_rows = 0;
  std::uint64_t chunks = 0;
  double rows_per_second = 0;         // over the copy so far
  std::optional<double> eta_seconds;  // while copying, when known
  bool throttled = false;
  std::string throttle_reason;  // why, while throttled
  std::uint64_t ranges_verified = 0;
  std::uint64_t rows_verified = 0;
  std::uint64_t retries = 0;         // statements run again after a lost session
  std::vector<ReplicaLag> replicas;  // in the order first reported
  log::Fields result;                // of the "result" event: what the finished run did
  std::string output;  // what the text format prints on stdout (the plan, "done: ...")
};

class StatusBoard {
 public:
  // Starts the clock; begins in Phase::kStarting.
  StatusBoard();

  // Updates the board from one logged event (see log::add_observer).
  void observe(std::string_view name, const log::Fields& fields);
  // Registers observe() with the log; remove with log::clear_observers().
  void listen();

  StatusSnapshot snapshot() const;

 private:
  using Clock = std::chrono::steady_clock;
  void enter(Phase phase);
  void observe_replica(const log::Fields& f);

  mutable std::mutex mutex_;
  const Clock::time_point started_;
  Clock::time_point phase_started_;
  StatusSnapshot now_;
  double copy_seconds_ = 0;
};

// The largest lag of the replicas, or nullopt when there are none or the lag
// of one cannot be measured (a replica the tool cannot see is never in sync).
std::optional<double> worst_replica_lag(const StatusSnapshot& s);

// The snapshot as event fields: phase, elapsed, rows, rate, ETA (when
// known), throttle, verification, retries, the worst replica lag.
log::Fields status_fields(const StatusSnapshot& s);
// {"preflight": 0.012, "copy": 4.2, ...}: the finished phases and the current one.
JsonObject phase_seconds_json(const StatusSnapshot& s);
// One line for a terminal or a log: "copy 120000/~1000000 rows (12%), ..."
std::string status_text(const StatusSnapshot& s);

}  // namespace oa::status
