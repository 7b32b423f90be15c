#include "phases/flow_control.h"

#include <algorithm>
#include <cstdio>

namespace oa::phases {
namespace {

std::string percent_text(double p) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", p);
  return text;
}

}  // namespace

double flow_control_share(std::uint64_t paused_before_ns, std::uint64_t paused_now_ns,
                          std::uint64_t elapsed_ns) {
  if (elapsed_ns == 0 || paused_now_ns < paused_before_ns) return 0;
  const double share = 100.0 * static_cast<double>(paused_now_ns - paused_before_ns) /
                       static_cast<double>(elapsed_ns);
  // The counter and the clock are read a moment apart.
  return std::min(share, 100.0);
}

FlowControlSignal::FlowControlSignal(std::unique_ptr<db::Connection> monitor, double max_percent,
                                     std::chrono::milliseconds check_interval,
                                     db::RetryPolicy retry)
    : monitor_(std::move(monitor)),
      max_percent_(max_percent),
      interval_(check_interval),
      retry_(retry) {}

std::string FlowControlSignal::pause_reason() {
  if (!has_reading_ || Clock::now() - last_read_ >= interval_) read();
  return reason_;
}

void FlowControlSignal::read() {
  std::uint64_t paused_ns = 0, queue = 0;
  db::with_retries(*monitor_, retry_, "reading Galera flow control", [&] {
    for (const auto& row : monitor_->query(
             "SELECT VARIABLE_NAME, VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE "
             "VARIABLE_NAME IN ('WSREP_FLOW_CONTROL_PAUSED_NS', 'WSREP_LOCAL_RECV_QUEUE')")) {
      const std::uint64_t value = row[1] ? std::stoull(*row[1]) : 0;
      (row[0].value_or("") == "WSREP_LOCAL_RECV_QUEUE" ? queue : paused_ns) = value;
    }
  });
  const auto now = Clock::now();
  if (has_reading_) {
    const auto elapsed = std::chrono::duration_cast<std::chrono::nanoseconds>(now - last_read_);
    const double share =
        flow_control_share(last_paused_ns_, paused_ns, static_cast<std::uint64_t>(elapsed.count()));
    reason_ = share > max_percent_
                  ? "Galera flow control paused the cluster for " + percent_text(share) +
                        " of the last interval (above --max-flow-ctl " +
                        percent_text(max_percent_) +
                        "; receive queue here: " + std::to_string(queue) + ")"
                  : "";
  }
  last_read_ = now;
  last_paused_ns_ = paused_ns;
  has_reading_ = true;
}

}  // namespace oa::phases
