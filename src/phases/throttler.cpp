#include "phases/throttler.h"

#include <chrono>
#include <filesystem>
#include <thread>

#include "db/retry.h"
#include "error.h"
#include "interrupt.h"
#include "log.h"

namespace oa::phases {
namespace {

constexpr auto kPausePoll = std::chrono::milliseconds(500);  // reacts within half a second

}  // namespace

Throttler::Throttler(db::Connection& monitor, ThrottleSettings settings)
    : monitor_(monitor), settings_(std::move(settings)) {
  require_known(settings_.max_load);
  require_known(settings_.critical_load);
}

void Throttler::require_known(const std::vector<cli::LoadLimit>& limits) {
  for (const auto& limit : limits) {
    if (!monitor_.query_value("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS "
                              "WHERE VARIABLE_NAME = ?",
                              {db::Param{limit.variable}})) {
      throw UsageError("'" + limit.variable + "' in --max-load/--critical-load is not a " +
                       "server status variable (see SHOW GLOBAL STATUS)");
    }
  }
}

void Throttler::adopt_max_load_override() {
  if (settings_.controls == nullptr) return;
  auto limits = settings_.controls->max_load();
  if (!limits || limits == overridden_) return;
  overridden_ = *limits;
  try {
    db::with_retries(monitor_, settings_.retry, "checking the new max-load",
                     [&] { require_known(*limits); });
  } catch (const UsageError& e) {
    log::warning(std::string("control socket: max-load not changed: ") + e.what());
    return;
  }
  settings_.max_load = *limits;
  log::info("max-load is now the control socket's");
}

std::uint64_t Throttler::status(const std::string& variable, Readings& readings) {
  if (auto it = readings.find(variable); it != readings.end()) return it->second;
  db::Value v;
  db::with_retries(monitor_, settings_.retry, "reading the server's load", [&] {
    v = monitor_.query_value(
        "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = ?",
        {db::Param{variable}});
  });
  std::uint64_t value = 0;
  try {
    value = v ? std::stoull(*v) : 0;
  } catch (const std::exception&) {
    // A non-numeric status (e.g. ON/OFF) never counts as load.
  }
  readings[variable] = value;
  return value;
}

std::string Throttler::pause_reason(Readings& readings) {
  if (settings_.controls != nullptr && settings_.controls->paused()) {
    return "paused through the control socket";
  }
  if (!settings_.pause_file.empty() && std::filesystem::exists(settings_.pause_file)) {
    return "pause file " + settings_.pause_file + " exists";
  }
  adopt_max_load_override();
  for (const auto& limit : settings_.max_load) {
    const auto value = status(limit.variable, readings);
    if (value > limit.threshold) {
      return limit.variable + "=" + std::to_string(value) + " is above --max-load " +
             std::to_string(limit.threshold);
    }
  }
  for (PauseSignal* signal : settings_.signals) {
    if (auto reason = signal->pause_reason(); !reason.empty()) return reason;
  }
  return "";
}

void Throttler::wait() {
  std::string paused_for;
  for (;;) {
    interrupt::check("during the copy");
    Readings readings;
    for (const auto& limit : settings_.critical_load) {
      const auto value = status(limit.variable, readings);
      if (value > limit.threshold) {
        throw Error(ExitCode::kCriticalLoad,
                    limit.variable + "=" + std::to_string(value) + " exceeded --critical-load " +
                        std::to_string(limit.threshold) +
                        "; stopped to spare the server. Run again at a quieter time or raise "
                        "--critical-load");
      }
    }
    const std::string reason = pause_reason(readings);
    if (reason.empty()) break;
    if (reason != paused_for) {
      log::event(log::Level::kInfo, "throttle", "copy paused: " + reason,
                 {{"paused", true}, {"reason", reason}});
    }
    paused_for = reason;
    std::this_thread::sleep_for(kPausePoll);
  }
  if (!paused_for.empty()) {
    log::event(log::Level::kInfo, "throttle", "copy resumed", {{"paused", false}});
  }
}

}  // namespace oa::phases
