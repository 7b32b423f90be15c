// Runs a command with its progress shown and its end reported: errors as
// "error: ..." lines (or JSON events), and in --log-format json a summary
// object on stdout. The one place that turns exceptions into exit statuses.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "control/run_controls.h"
#include "status/summary.h"

namespace oa::status {

// What a finished command reports to whoever records runs (the history
// table, the success and failure hooks): its status at the end, its exit
// status and the error message (empty on success).
using EndListener =
    std::function<void(const StatusSnapshot& end, int exit_code, const std::string& error)>;

struct ReportSettings {
  bool json = false;                // --log-format json
  double progress_interval = 30;    // seconds between progress events off a terminal
  std::string metrics_file;         // --metrics-file; empty: none
  std::vector<EndListener> on_end;  // called in order, after the command, before the summary
  std::string control_socket;       // --control-socket; empty: none
  control::RunControls* controls = nullptr;  // what the control socket changes
};

// Runs `command` under a status board, a progress display and, when asked,
// a metrics file and a control socket (which needs settings.controls); returns the exit status (0,
// or the Error's code, or ExitCode::kInternal for any other exception). With settings.json, prints
// the summary of `run` as the last line of stdout, whatever the outcome.
int run_reported(const RunIdentity& run, const ReportSettings& settings,
                 const std::function<void()>& command);

}  // namespace oa::status
