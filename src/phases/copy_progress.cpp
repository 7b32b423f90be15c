#include "phases/copy_progress.h"

#include <string>

#include "log.h"

namespace oa::phases {

void CopyProgress::update(const CopyStats& stats, std::uint64_t chunk_rows) const {
  // The text is built only for --verbose: this runs once per chunk.
  const std::string text = log::debug_enabled() ? "chunk " + std::to_string(stats.chunks) + ": " +
                                                      std::to_string(chunk_rows) + " rows examined"
                                                : "";
  log::event(log::Level::kDebug, "copy_progress", text,
             {{"rows", stats.rows_examined},
              {"estimated_rows", estimated_rows_},
              {"chunks", stats.chunks},
              {"seconds", stats.seconds},
              {"chunk_rows", chunk_rows}});
}

}  // namespace oa::phases
