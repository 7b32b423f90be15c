#include "phases/cutover_gate.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

#include "hooks/run_hooks.h"
#include "interrupt.h"
#include "log.h"
#include "status/phase.h"

namespace oa::phases {
namespace {

using Clock = std::chrono::steady_clock;

// A hook usually checks something outside the tool (a deploy window, a
// replica's lag); asking again every few seconds is prompt without loading it.
constexpr auto kHookRetry = std::chrono::seconds(5);
constexpr auto kApplyPoll = std::chrono::milliseconds(500);  // reacts within half a second
constexpr auto kReminder = std::chrono::seconds(60);

bool file_exists(const std::string& file) { return !file.empty() && std::filesystem::exists(file); }

// While the cut-over is held back the log keeps growing: applying it every
// kApplyPoll while `holding()` keeps the final lock short. Checks for a
// signal (naming `where`) between rounds; returns the entries applied.
std::uint64_t keep_in_sync(ServerAccess& server, ChangeApplier& applier,
                           const std::function<bool()>& holding, const char* where) {
  std::uint64_t applied = 0;
  while (holding()) {
    interrupt::check(where);
    applied += applier.apply(server.copy());
    std::this_thread::sleep_for(kApplyPoll);
  }
  return applied;
}

// Waits while `file` exists and `released()` is false, reminding every minute.
std::uint64_t wait_for_postpone_file(ServerAccess& server, ChangeApplier& applier,
                                     const std::string& file,
                                     const std::function<bool()>& released) {
  log::info("copy complete; cut-over postponed while " + file +
            " exists (the new table is kept in sync). Remove the file to swap");
  auto reminded = Clock::now();
  const std::uint64_t applied = keep_in_sync(
      server, applier,
      [&] {
        if (Clock::now() - reminded > kReminder) {
          log::info("cut-over still postponed by " + file);
          reminded = Clock::now();
        }
        return file_exists(file) && !released();
      },
      "while the cut-over was postponed");
  log::info(released() ? "cut-over released through the control socket; cutting over"
                       : "postpone file removed; cutting over");
  return applied;
}

// The first reason one of `signals` gives, or "".
std::string holding_reason(const std::vector<PauseSignal*>& signals) {
  for (PauseSignal* signal : signals) {
    if (auto reason = signal->pause_reason(); !reason.empty()) return reason;
  }
  return "";
}

// Waits while a signal holds the swap, logging each new reason.
std::uint64_t wait_for_signals(ServerAccess& server, ChangeApplier& applier,
                               const std::vector<PauseSignal*>& signals) {
  std::string logged;
  const std::uint64_t applied = keep_in_sync(
      server, applier,
      [&] {
        const std::string reason = holding_reason(signals);
        if (!reason.empty() && reason != logged) {
          log::event(log::Level::kInfo, "throttle", "cut-over waits: " + reason,
                     {{"paused", true}, {"reason", reason}});
        }
        logged = reason;
        return !reason.empty();
      },
      "while the cut-over waited for the replicas");
  log::event(log::Level::kInfo, "throttle", "cut-over may go ahead", {{"paused", false}});
  return applied;
}

}  // namespace

Postponement hold_cutover(ServerAccess& server, ChangeApplier& applier,
                          const std::string& postpone_file, const control::RunControls* controls,
                          const std::vector<PauseSignal*>& signals) {
  const std::function<bool()> released = [&] {
    return controls != nullptr && controls->cutover_released();
  };
  Postponement held;
  auto postpone = [&] {
    if (!held.postponed) status::enter_phase(status::Phase::kPostponed);
    held.postponed = true;
  };
  bool first_try = true;
  auto reminded = Clock::now();
  for (;;) {
    if (file_exists(postpone_file) && !released()) {
      postpone();
      held.applied += wait_for_postpone_file(server, applier, postpone_file, released);
      first_try = true;
    }
    if (!holding_reason(signals).empty()) {
      postpone();
      held.applied += wait_for_signals(server, applier, signals);
      continue;  // the file may have come back meanwhile
    }
    if (hooks::before_cutover(first_try) && holding_reason(signals).empty()) return held;
    postpone();
    if (!first_try && Clock::now() - reminded > kReminder) {
      log::info("cut-over still held back by the before-cutover hook");
      reminded = Clock::now();
    }
    first_try = false;
    const auto until = Clock::now() + kHookRetry;
    held.applied += keep_in_sync(
        server, applier, [&] { return Clock::now() < until; },
        "while the before-cutover hook held the cut-over back");
  }
}

}  // namespace oa::phases
