// Pauses the copy while Galera flow control holds the cluster back: a node
// whose receive queue overflows makes every node stop replicating, and the
// copy's writesets are much of what fills that queue.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "db/connection.h"
#include "db/retry.h"
#include "phases/pause_signal.h"

namespace oa::phases {

// The share of `elapsed_ns` (in percent, 0-100) that flow control paused
// replication, from two readings of the cumulative counter
// wsrep_flow_control_paused_ns. 0 when no time passed or the counter went
// back (FLUSH STATUS, a node restart).
double flow_control_share(std::uint64_t paused_before_ns, std::uint64_t paused_now_ns,
                          std::uint64_t elapsed_ns);

class FlowControlSignal : public PauseSignal {
 public:
  // Reads the node's status on `monitor` (its own session) at most every
  // `check_interval`; asks for a pause while flow control paused the cluster
  // for more than `max_percent` of the last interval.
  FlowControlSignal(std::unique_ptr<db::Connection> monitor, double max_percent,
                    std::chrono::milliseconds check_interval, db::RetryPolicy retry);

  // The last reading's verdict (see PauseSignal). Throws DbError when the
  // status cannot be read after retries.
  std::string pause_reason() override;

 private:
  using Clock = std::chrono::steady_clock;
  void read();

  std::unique_ptr<db::Connection> monitor_;
  double max_percent_;
  std::chrono::milliseconds interval_;
  db::RetryPolicy retry_;
  Clock::time_point last_read_{};
  std::uint64_t last_paused_ns_ = 0;
  bool has_reading_ = false;
  std::string reason_;
};

}  // namespace oa::phases
