// Times as the history table stores them.
#pragma once

#include <chrono>
#include <string>

namespace oa::history {

// `t` in UTC as "YYYY-MM-DD HH:MM:SS.ffffff", what a DATETIME(6) column takes.
std::string utc_text(std::chrono::system_clock::time_point t);

}  // namespace oa::history
