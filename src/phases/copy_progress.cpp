#include "phases/copy_progress.h"

#include <algorithm>

#include "log.h"

namespace oa::phases {

std::string describe_progress(const CopyStats& stats, std::uint64_t estimated_rows) {
  std::string out =
      std::to_string(stats.rows_examined) + " / ~" + std::to_string(estimated_rows) + " rows";
  if (estimated_rows > 0) {
    // Statistics estimate the row count; never claim 100% before the end.
    const auto percent = std::min<std::uint64_t>(99, stats.rows_examined * 100 / estimated_rows);
    out += " (" + std::to_string(percent) + "%)";
  }
  if (stats.seconds > 0) {
    const double rate = stats.rows_examined / stats.seconds;
    out += ", " + std::to_string(static_cast<std::uint64_t>(rate)) + " rows/s";
    if (rate > 0 && estimated_rows > stats.rows_examined) {
      const auto eta = static_cast<std::uint64_t>((estimated_rows - stats.rows_examined) / rate);
      out += ", ETA " + std::to_string(eta) + "s";
    }
  }
  return out;
}

CopyProgress::CopyProgress(double interval_seconds, std::uint64_t estimated_rows)
    : pacer_(interval_seconds), estimated_rows_(estimated_rows) {}

void CopyProgress::update(const CopyStats& stats, std::uint64_t chunk_rows) {
  log::debug("chunk " + std::to_string(stats.chunks) + ": " + std::to_string(chunk_rows) +
             " rows examined");
  if (!pacer_.due()) return;
  log::info("copy: " + describe_progress(stats, estimated_rows_) + ", chunk size " +
            std::to_string(chunk_rows));
}

}  // namespace oa::phases
