// Shows a run's progress from its status board: on a terminal, one line at
// the bottom of stderr rewritten twice a second; otherwise (or in JSON) a
// "progress" event every interval, so cron mail holds no escape codes.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "status/status_board.h"

namespace oa::status {

class ProgressDisplay {
 public:
  // Starts showing `board` at once; `interval_seconds` paces the events when
  // there is no terminal line.
  ProgressDisplay(const StatusBoard& board, double interval_seconds);
  // Stops, removing the terminal line.
  ~ProgressDisplay();
  ProgressDisplay(const ProgressDisplay&) = delete;
  ProgressDisplay& operator=(const ProgressDisplay&) = delete;

 private:
  void run();

  const StatusBoard& board_;
  const double interval_seconds_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace oa::status
