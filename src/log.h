// One line per event on stderr, through Boost.Log. Never pass passwords or row data.
#pragma once

#include <chrono>
#include <string>

namespace oa::log {

// Sets up the stderr sink: 0 = warnings and errors only, 1 = info, 2 = debug.
void init(int verbosity);

// False unless --verbose: lets a caller skip building a debug message on a
// hot path (every statement is timed and logged at this level).
bool debug_enabled();

void debug(const std::string& message);
void info(const std::string& message);
void warning(const std::string& message);
void error(const std::string& message);

// Durations as log lines show them, with one decimal: "2.5 s", "13.4 ms".
std::string seconds_text(double seconds);
std::string ms_text(double ms);

// Paces progress lines: due() is true at most once per interval.
class Pacer {
 public:
  explicit Pacer(double interval_seconds)
      : interval_(interval_seconds), last_(std::chrono::steady_clock::now()) {}
  bool due() {
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < interval_) return false;
    last_ = now;
    return true;
  }

 private:
  std::chrono::duration<double> interval_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace oa::log
