// What an operator may change while a run goes on (through the control
// socket): a manual pause, the chunk time, the --max-load limits, the
// release of a postponed cut-over. Read by the throttler, the copier and the
// postponement; written by the control socket's thread. Thread-safe.
#pragma once

#include <mutex>
#include <optional>
#include <vector>

#include "cli/options.h"

namespace oa::control {

class RunControls {
 public:
  void pause(bool paused);
  bool paused() const;

  // Overrides --chunk-time from the next chunk on. Requires seconds > 0.
  void set_chunk_time(double seconds);
  std::optional<double> chunk_time() const;

  // Overrides --max-load from the next check on (empty: no limit).
  void set_max_load(std::vector<cli::LoadLimit> limits);
  std::optional<std::vector<cli::LoadLimit>> max_load() const;

  // The cut-over no longer waits for the postpone file.
  void release_cutover();
  bool cutover_released() const;

 private:
  mutable std::mutex mutex_;
  bool paused_ = false;
  std::optional<double> chunk_time_;
  std::optional<std::vector<cli::LoadLimit>> max_load_;
  bool cutover_released_ = false;
};

}  // namespace oa::control
