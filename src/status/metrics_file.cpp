#include "status/metrics_file.h"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "error.h"
#include "log.h"

namespace oa::status {
namespace {

// node_exporter reads the file at each scrape, every 15 s by default.
constexpr auto kPeriod = std::chrono::seconds(2);

constexpr Phase kPhases[] = {
    Phase::kStarting, Phase::kPreflight, Phase::kShadow,  Phase::kTriggers, Phase::kCopy,
    Phase::kVerify,   Phase::kPostponed, Phase::kCutover, Phase::kCleanup,  Phase::kDone};

// A label value as the text format wants it: \, " and newlines escaped.
std::string label_value(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string number(double value) {
  if (std::isnan(value)) return "NaN";  // the spelling of the text format
  char text[64];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

class Writer {
 public:
  explicit Writer(const MetricsLabels& l)
      : labels_("database=\"" + label_value(l.database) + "\",table=\"" + label_value(l.table) +
                "\"") {}

  void metric(const std::string& name, const char* type, const char* help) {
    out_ += "# HELP online_alter_" + name + " " + help + "\n# TYPE online_alter_" + name + " " +
            type + "\n";
    name_ = name;
  }
  void sample(double value, const std::string& extra_labels = "") {
    out_ += "online_alter_" + name_ + "{" + labels_ +
            (extra_labels.empty() ? "" : "," + extra_labels) + "} " + number(value) + "\n";
  }
  const std::string& text() const { return out_; }

 private:
  std::string labels_;
  std::string name_;
  std::string out_;
};

}  // namespace

std::string prometheus_text(const StatusSnapshot& s, const MetricsLabels& labels,
                            std::optional<int> exit_code, double now_unix) {
  Writer w(labels);
  w.metric("phase", "gauge", "1 for the phase the run is in, 0 for the others.");
  for (Phase p : kPhases) {
    w.sample(p == s.phase ? 1 : 0, std::string("phase=\"") + phase_name(p) + "\"");
  }
  w.metric("elapsed_seconds", "gauge", "Seconds since the run started.");
  w.sample(s.elapsed_seconds);
  w.metric("rows_copied", "gauge", "Rows of the original in the key ranges copied so far.");
  w.sample(static_cast<double>(s.rows_copied));
  w.metric("rows_estimated", "gauge", "The table's row count, as its statistics estimate it.");
  w.sample(static_cast<double>(s.estimated_rows));
  w.metric("rows_per_second", "gauge", "Copy rate since the copy began.");
  w.sample(s.rows_per_second);
  if (s.eta_seconds) {
    w.metric("eta_seconds", "gauge", "Estimated seconds until the copy ends.");
    w.sample(*s.eta_seconds);
  }
  w.metric("chunks_total", "counter", "Chunks copied.");
  w.sample(static_cast<double>(s.chunks));
  w.metric("rows_verified", "gauge", "Rows whose checksums were compared.");
  w.sample(static_cast<double>(s.rows_verified));
  w.metric("throttled", "gauge", "1 while the copy is paused; the reason is a label.");
  w.sample(s.throttled ? 1 : 0, "reason=\"" + label_value(s.throttle_reason) + "\"");
  if (!s.replicas.empty()) {
    w.metric("replica_lag_seconds", "gauge",
             "Each replica's lag by the tool's heartbeat; NaN while it cannot be measured.");
    for (const auto& r : s.replicas) {
      w.sample(r.lag_seconds ? *r.lag_seconds : std::nan(""),
               "replica=\"" + label_value(r.replica) + "\"");
    }
  }
  w.metric("retries_total", "counter", "Statements run again after a lost connection or a kill.");
  w.sample(static_cast<double>(s.retries));
  w.metric("last_update_timestamp_seconds", "gauge", "When this file was written (Unix time).");
  w.sample(now_unix);
  if (exit_code) {
    w.metric("exit_code", "gauge", "The run's exit status, once it has ended (0 = success).");
    w.sample(*exit_code);
  }
  return w.text();
}

MetricsFile::MetricsFile(std::string path, const StatusBoard& board, MetricsLabels labels)
    : path_(std::move(path)), board_(board), labels_(std::move(labels)) {
  if (!write(std::nullopt)) {
    throw Error(ExitCode::kUsage, "--metrics-file " + path_ +
                                      ": cannot write the file or its temporary copy beside it; "
                                      "check that the directory exists and is writable");
  }
  thread_ = std::thread([this] { run(); });
}

MetricsFile::~MetricsFile() {
  {
    std::lock_guard<std::mutex> guard(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MetricsFile::finish(int exit_code) {
  {
    std::lock_guard<std::mutex> guard(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  write(exit_code);
}

void MetricsFile::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, kPeriod, [this] { return stopping_; })) {
    lock.unlock();
    write(std::nullopt);
    lock.lock();
  }
}

bool MetricsFile::write(std::optional<int> exit_code) {
  const double now =
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  const std::string text = prometheus_text(board_.snapshot(), labels_, exit_code, now);
  // In the same directory, so that rename() replaces the file atomically.
  const std::string temporary = path_ + ".tmp." + std::to_string(getpid());
  bool ok = false;
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << text;
    out.flush();
    ok = static_cast<bool>(out);
  }
  ok = ok && std::rename(temporary.c_str(), path_.c_str()) == 0;
  if (!ok) {
    std::remove(temporary.c_str());
    if (!warned_) log::warning("could not write the metrics file " + path_);
    warned_ = true;
  }
  return ok;
}

}  // namespace oa::status
