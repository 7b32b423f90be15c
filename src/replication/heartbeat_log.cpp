#include "replication/heartbeat_log.h"

namespace oa::replication {

void HeartbeatLog::wrote(std::uint64_t beat, Clock::time_point at) {
  written_.emplace_back(beat, at);
  last_ = beat;
}

double HeartbeatLog::lag_seconds(std::uint64_t seen, Clock::time_point now) const {
  for (const auto& [beat, at] : written_) {
    if (beat > seen) return std::chrono::duration<double>(now - at).count();
  }
  return 0;
}

void HeartbeatLog::forget_up_to(std::uint64_t seen_by_all) {
  while (!written_.empty() && written_.front().first <= seen_by_all) written_.pop_front();
}

}  // namespace oa::replication
