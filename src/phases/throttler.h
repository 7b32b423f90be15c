// Decides, before each chunk, whether the copy may go on: pause file, server load.
#pragma once

#include <string>
#include <vector>

#include "cli/options.h"
#include "db/connection.h"

namespace oa::phases {

struct ThrottleSettings {
  std::vector<cli::LoadLimit> max_load;       // pause while any is exceeded
  std::vector<cli::LoadLimit> critical_load;  // abort when any is exceeded
  std::string pause_file;                     // pause while it exists
};

class Throttler {
 public:
  // Checks that every named status variable exists; throws UsageError otherwise.
  Throttler(db::Connection& monitor, ThrottleSettings settings);

  // Returns when the copy may run its next chunk; blocks while paused. Throws an
  // Error with ExitCode::kCriticalLoad when a critical limit is exceeded.
  void wait();

 private:
  std::uint64_t status(const std::string& variable);
  // The reason to pause now, or "" when there is none.
  std::string pause_reason();

  db::Connection& monitor_;
  ThrottleSettings settings_;
};

}  // namespace oa::phases
