#include "status/reported_run.h"

#include <exception>
#include <iostream>
#include <memory>

#include "control/control_socket.h"
#include "error.h"
#include "log.h"
#include "status/metrics_file.h"
#include "status/progress_display.h"
#include "status/status_board.h"

namespace oa::status {

int run_reported(const RunIdentity& run, const ReportSettings& settings,
                 const std::function<void()>& command) {
  StatusBoard board;
  board.listen();
  int code = 0;
  std::string error;
  std::unique_ptr<MetricsFile> metrics;
  std::unique_ptr<control::ControlSocket> socket;
  {
    const ProgressDisplay display(board, settings.progress_interval);
    try {
      if (!settings.metrics_file.empty()) {
        metrics = std::make_unique<MetricsFile>(settings.metrics_file, board,
                                                MetricsLabels{run.database, run.table});
      }
      if (!settings.control_socket.empty() && settings.controls != nullptr) {
        socket = std::make_unique<control::ControlSocket>(settings.control_socket,
                                                          *settings.controls, board);
      }
      command();
    } catch (const Error& e) {
      code = static_cast<int>(e.code());
      error = e.what();
    } catch (const std::exception& e) {
      code = static_cast<int>(ExitCode::kInternal);
      error = std::string("internal: ") + e.what();
    }
  }
  socket.reset();  // before the board it reads goes
  log::clear_observers();
  if (metrics) metrics->finish(code);
  const StatusSnapshot end = board.snapshot();
  for (const auto& listener : settings.on_end) {
    try {
      listener(end, code, error);
    } catch (const std::exception& e) {
      // The run's own outcome stands; recording it is secondary.
      log::warning(std::string("after the run: ") + e.what());
    }
  }
  if (code != 0) {
    if (settings.json) {
      log::event(log::Level::kError, "error", error, {{"exit_code", std::int64_t{code}}});
    } else {
      std::cerr << "error: " << error << std::endl;
    }
  }
  if (settings.json) std::cout << summary_json(end, run, code, error) << std::endl;
  return code;
}

}  // namespace oa::status
