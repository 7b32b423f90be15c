// Decides, before each chunk, whether the copy may go on: pause file, server load.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cli/options.h"
#include "db/connection.h"
#include "db/retry.h"

namespace oa::phases {

struct ThrottleSettings {
  std::vector<cli::LoadLimit> max_load;       // pause while any is exceeded
  std::vector<cli::LoadLimit> critical_load;  // abort when any is exceeded
  std::string pause_file;                     // pause while it exists
  db::RetryPolicy retry;                      // for the status reads
};

class Throttler {
 public:
  // Checks that every named status variable exists; throws UsageError otherwise.
  Throttler(db::Connection& monitor, ThrottleSettings settings);

  // Returns when the copy may run its next chunk; blocks while paused. Throws an
  // Error with ExitCode::kCriticalLoad when a critical limit is exceeded.
  void wait();

 private:
  // Status values read once per check: --max-load and --critical-load name
  // the same variable by default, and this runs before every chunk.
  using Readings = std::map<std::string, std::uint64_t>;
  std::uint64_t status(const std::string& variable, Readings& readings);
  // The reason to pause now, or "" when there is none.
  std::string pause_reason(Readings& readings);

  db::Connection& monitor_;
  ThrottleSettings settings_;
};

}  // namespace oa::phases
