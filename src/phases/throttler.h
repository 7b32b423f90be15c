// Decides, before each chunk, whether the copy may go on: pause file, server
// load, and the pause signals (replica lag, cluster flow control).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/options.h"
#include "control/run_controls.h"
#include "db/connection.h"
#include "db/retry.h"
#include "phases/pause_signal.h"

namespace oa::phases {

struct ThrottleSettings {
  std::vector<cli::LoadLimit> max_load;       // pause while any is exceeded
  std::vector<cli::LoadLimit> critical_load;  // abort when any is exceeded
  std::string pause_file;                     // pause while it exists
  db::RetryPolicy retry;                      // for the status reads
  // The control socket's pause and max-load; nullptr when there is none.
  const control::RunControls* controls = nullptr;
  // Asked in order after the limits above; not owned.
  std::vector<PauseSignal*> signals;
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
  // Takes the control socket's max-load when it changed and names only
  // status variables the server has; otherwise keeps the limits in force.
  void adopt_max_load_override();
  // Throws UsageError naming the first variable of `limits` the server lacks.
  void require_known(const std::vector<cli::LoadLimit>& limits);

  db::Connection& monitor_;
  ThrottleSettings settings_;
  // The control socket's last max-load seen, adopted or not.
  std::optional<std::vector<cli::LoadLimit>> overridden_;
};

}  // namespace oa::phases
