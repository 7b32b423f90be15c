// Something outside the copy that can ask it to wait: a lagging replica, a
// cluster in flow control. The throttler asks every signal before each chunk.
#pragma once

#include <string>

namespace oa::phases {

class PauseSignal {
 public:
  virtual ~PauseSignal() = default;
  // Why the copy should wait now, or "" when it may go on. Called before each
  // chunk and twice a second while paused, so it must be cheap: a signal
  // that needs the network reads on its own schedule and answers from its
  // last reading.
  virtual std::string pause_reason() = 0;
};

}  // namespace oa::phases
