#include "status/progress_display.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <chrono>

#include "log.h"

namespace oa::status {
namespace {

constexpr auto kTerminalRefresh = std::chrono::milliseconds(500);  // smooth, yet cheap
constexpr std::size_t kFallbackWidth = 80;

// A line as wide as the terminal or wider would wrap, and "\r" would then
// redraw only its last part.
std::string fit_terminal(std::string line) {
  winsize size{};
  std::size_t width = kFallbackWidth;
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 1) width = size.ws_col;
  if (line.size() >= width) line.resize(width - 1);
  return line;
}

}  // namespace

ProgressDisplay::ProgressDisplay(const StatusBoard& board, double interval_seconds)
    : board_(board), interval_seconds_(interval_seconds), thread_([this] { run(); }) {}

ProgressDisplay::~ProgressDisplay() {
  {
    std::lock_guard<std::mutex> guard(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  log::show_status_line("");
}

void ProgressDisplay::run() {
  const bool terminal = log::status_line_possible();
  const auto period =
      terminal ? std::chrono::duration_cast<std::chrono::milliseconds>(kTerminalRefresh)
               : std::chrono::milliseconds(static_cast<std::int64_t>(interval_seconds_ * 1000));
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, period, [this] { return stopping_; })) {
    const StatusSnapshot s = board_.snapshot();
    if (terminal) {
      log::show_status_line(fit_terminal(status_text(s)));
    } else if (s.phase != Phase::kStarting && s.phase != Phase::kDone) {
      log::event(log::Level::kInfo, "progress", status_text(s), status_fields(s));
    }
  }
}

}  // namespace oa::status
