#include "phases/chunk_sizer.h"

#include <algorithm>

namespace oa::phases {
namespace {

// Growth per step is capped: one fast chunk (cached pages, an empty range)
// must not make the next one huge.
constexpr double kMaxGrowth = 2.0;

}  // namespace

ChunkSizer::ChunkSizer(double target_seconds, std::uint64_t fixed, std::uint64_t max_rows)
    : target_seconds_(target_seconds),
      fixed_(fixed),
      max_rows_(std::max<std::uint64_t>(max_rows, 1)),
      rows_(fixed > 0 ? fixed : std::min(kInitialRows, max_rows_)) {}

void ChunkSizer::observe(std::uint64_t rows, double seconds) {
  if (fixed_ > 0) {
    rows_ = std::min(fixed_, std::max<std::uint64_t>(rows_ * 2, 1));  // recover after shrink()
    return;
  }
  if (rows == 0) return;
  const double rate = rows / std::max(seconds, 1e-4);
  const double ideal = std::min(rate * target_seconds_, rows_ * kMaxGrowth);
  // Halfway toward the ideal: one noisy chunk moves the size only part of the way.
  const double next = (rows_ + ideal) / 2;
  rows_ = std::clamp<std::uint64_t>(static_cast<std::uint64_t>(next), std::min(kMinRows, max_rows_),
                                    max_rows_);
}

void ChunkSizer::shrink() { rows_ = std::max<std::uint64_t>(rows_ / 2, 1); }

}  // namespace oa::phases
