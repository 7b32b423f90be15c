#include "control/run_controls.h"

namespace oa::control {

void RunControls::pause(bool paused) {
  std::lock_guard<std::mutex> guard(mutex_);
  paused_ = paused;
}

bool RunControls::paused() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return paused_;
}

void RunControls::set_chunk_time(double seconds) {
  std::lock_guard<std::mutex> guard(mutex_);
  chunk_time_ = seconds;
}

std::optional<double> RunControls::chunk_time() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return chunk_time_;
}

void RunControls::set_max_load(std::vector<cli::LoadLimit> limits) {
  std::lock_guard<std::mutex> guard(mutex_);
  max_load_ = std::move(limits);
}

std::optional<std::vector<cli::LoadLimit>> RunControls::max_load() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return max_load_;
}

void RunControls::release_cutover() {
  std::lock_guard<std::mutex> guard(mutex_);
  cutover_released_ = true;
}

bool RunControls::cutover_released() const {
  std::lock_guard<std::mutex> guard(mutex_);
  return cutover_released_;
}

}  // namespace oa::control
