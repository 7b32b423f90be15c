// Progress of the copy, logged every interval: rows, percent, rate, ETA.
#pragma once

#include <cstdint>
#include <string>

#include "log.h"

namespace oa::phases {

struct CopyStats {
  std::uint64_t rows_examined = 0;  // rows in the key ranges copied so far
  std::uint64_t rows_inserted = 0;  // rows the copy wrote (the rest came from the change log)
  std::uint64_t chunks = 0;
  std::uint64_t lock_retries = 0;     // chunks retried because a client held a lock
  std::uint64_t changes_applied = 0;  // change log entries applied to the shadow
  double seconds = 0;
};

// "12000 / ~200000 rows (6%), 24000 rows/s, ETA 8s". Pure; for tests and logs.
std::string describe_progress(const CopyStats& stats, std::uint64_t estimated_rows);

class CopyProgress {
 public:
  CopyProgress(double interval_seconds, std::uint64_t estimated_rows);

  // Logs a progress line if the interval has passed since the last one.
  void update(const CopyStats& stats, std::uint64_t chunk_rows);

 private:
  log::Pacer pacer_;
  std::uint64_t estimated_rows_;
};

}  // namespace oa::phases
