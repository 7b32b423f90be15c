// The copy's progress as events: one "copy_progress" per chunk, which the
// status board turns into rows, percent, rate and ETA.
#pragma once

#include <cstdint>

namespace oa::phases {

struct CopyStats {
  std::uint64_t rows_examined = 0;  // rows in the key ranges copied so far
  std::uint64_t rows_inserted = 0;  // rows the copy wrote (the rest came from the change log)
  std::uint64_t chunks = 0;
  std::uint64_t lock_retries = 0;     // chunks retried because a client held a lock
  std::uint64_t changes_applied = 0;  // change log entries applied to the shadow
  double seconds = 0;
};

class CopyProgress {
 public:
  explicit CopyProgress(std::uint64_t estimated_rows) : estimated_rows_(estimated_rows) {}

  // Reports the copy after a chunk of `chunk_rows` rows.
  void update(const CopyStats& stats, std::uint64_t chunk_rows) const;

 private:
  std::uint64_t estimated_rows_;
};

}  // namespace oa::phases
