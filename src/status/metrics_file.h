// The run's status for dashboards: a file in Prometheus' text format,
// rewritten atomically every few seconds, for node_exporter's textfile
// collector (point --metrics-file into its directory, name ending in .prom).
#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "status/status_board.h"

namespace oa::status {

struct MetricsLabels {
  std::string database;
  std::string table;
};

// The metrics for `s`. `exit_code`: set once the run has ended. `now_unix`:
// the seconds since the epoch of this snapshot. Pure.
std::string prometheus_text(const StatusSnapshot& s, const MetricsLabels& labels,
                            std::optional<int> exit_code, double now_unix);

class MetricsFile {
 public:
  // Writes `path` at once and then every few seconds. Throws Error(kUsage)
  // when the file cannot be written (a missing directory, no permission).
  MetricsFile(std::string path, const StatusBoard& board, MetricsLabels labels);
  // Stops the updates; call finish() first to record the outcome.
  ~MetricsFile();
  MetricsFile(const MetricsFile&) = delete;
  MetricsFile& operator=(const MetricsFile&) = delete;

  // Writes the final state with the run's exit status. Never throws.
  void finish(int exit_code);

 private:
  void run();
  // Writes a temporary file beside `path` and renames it over `path`, so a
  // reader never sees half a file. False when that failed.
  bool write(std::optional<int> exit_code);

  const std::string path_;
  const StatusBoard& board_;
  const MetricsLabels labels_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool warned_ = false;
  std::thread thread_;
};

}  // namespace oa::status
