// Runs a command with its progress shown and its end reported: errors as
// "error: ..." lines (or JSON events), and in --log-format json a summary
// object on stdout. The one place that turns exceptions into exit statuses.
#pragma once

#include <functional>
#include <string>

#include "status/summary.h"

namespace oa::status {

struct ReportSettings {
  bool json = false;              // --log-format json
  double progress_interval = 30;  // seconds between progress events off a terminal
  std::string metrics_file;       // --metrics-file; empty: none
};

// Runs `command` under a status board, a progress display and, when asked,
// a metrics file; returns the exit status (0, or the Error's code, or
// ExitCode::kInternal for any other exception). With settings.json, prints
// the summary of `run` as the last line of stdout, whatever the outcome.
int run_reported(const RunIdentity& run, const ReportSettings& settings,
                 const std::function<void()>& command);

}  // namespace oa::status
