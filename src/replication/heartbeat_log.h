// Replica lag from a counter, measured on the tool's clock alone. The tool
// raises the counter on the primary every check interval and notes when; a
// replica that shows beat k has applied every write before beat k + 1, so it
// lags by the age of beat k + 1, the oldest beat it has not applied. No clock
// of any server takes part, so clock skew between hosts cannot hide lag, and
// the resolution is the check interval, not the whole second of
// Seconds_Behind_Master.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <utility>

namespace oa::replication {

class HeartbeatLog {
 public:
  using Clock = std::chrono::steady_clock;

  // Notes that beat `beat` (the last one plus one) was committed at `at`.
  void wrote(std::uint64_t beat, Clock::time_point at);

  // The beat the next write should carry.
  std::uint64_t next_beat() const { return last_ + 1; }

  // Seconds by which a replica that shows `seen` lags at `now`: 0 when it
  // has every beat, else the age of the first beat it lacks.
  double lag_seconds(std::uint64_t seen, Clock::time_point now) const;

  // Forgets the beats every replica has (`seen_by_all` is the smallest seen).
  void forget_up_to(std::uint64_t seen_by_all);

 private:
  std::deque<std::pair<std::uint64_t, Clock::time_point>> written_;  // oldest first
  std::uint64_t last_ = 0;
};

}  // namespace oa::replication
