#include "hooks/run_hooks.h"

#include <chrono>
#include <memory>
#include <optional>

#include "error.h"
#include "hooks/hook_dir.h"
#include "hooks/hook_environment.h"
#include "hooks/hook_process.h"
#include "interrupt.h"
#include "log.h"
#include "status/status_board.h"

namespace oa::hooks {
namespace {

// Lines of a hook's output shown in the log: enough for its message, short
// enough that a chatty hook does not flood it.
constexpr int kOutputLines = 5;

struct Installed {
  HookSettings settings;
  status::RunIdentity run;
  status::StatusBoard board;
};

// Like the signal state in interrupt.cpp, one per process: the hooks belong
// to the run, not to any one phase.
std::unique_ptr<Installed>& installed() {
  static std::unique_ptr<Installed> hooks;
  return hooks;
}

// Runs the hook for `event`, if there is one; nullopt when there is none.
// During the run (no `end` yet) a signal kills the hook, so that it stops the
// run as promptly as anywhere else.
std::optional<HookOutcome> run(const std::string& event, const status::StatusSnapshot& now,
                               const std::optional<RunEnd>& end) {
  const auto& hooks = installed();
  if (!hooks) return std::nullopt;
  const std::string path = hook_path(hooks->settings.dir, event);
  if (path.empty()) return std::nullopt;
  log::debug("running the " + event + " hook " + path);
  const auto environment = hook_environment(
      current_environment(), hook_variables(event, hooks->run, now, end), hooks->settings.password);
  const auto timeout =
      std::chrono::milliseconds(static_cast<std::int64_t>(hooks->settings.timeout_seconds * 1000));
  HookOutcome outcome =
      run_hook_process(path, environment, timeout,
                       end ? std::function<bool()>() : std::function<bool()>(interrupt::requested));
  if (outcome.timed_out) {
    outcome.output += "\n(killed after " + log::seconds_text(hooks->settings.timeout_seconds) +
                      "; see --hook-timeout)";
  }
  return outcome;
}

std::optional<HookOutcome> run_now(const std::string& event) {
  const auto& hooks = installed();
  if (!hooks) return std::nullopt;
  return run(event, hooks->board.snapshot(), std::nullopt);
}

std::string report(const std::string& event, const HookOutcome& outcome, bool with_output) {
  return "the " + event + " hook " + (outcome.succeeded() ? "succeeded" : "failed") + " (" +
         outcome.describe() + ")" + (with_output ? first_lines(outcome.output, kOutputLines) : "");
}

}  // namespace

void install(const HookSettings& settings, const status::RunIdentity& run) {
  auto& hooks = installed();
  hooks = std::make_unique<Installed>();
  hooks->settings = settings;
  hooks->run = run;
  if (!settings.dir.empty()) hooks->board.listen();
}

void before_copy() {
  const auto outcome = run_now("before-copy");
  if (!outcome) return;
  interrupt::check("while the before-copy hook ran");
  if (!outcome->succeeded()) {
    throw Error(ExitCode::kMigrationFailed,
                report("before-copy", *outcome, true) +
                    "\nNothing was copied; the run stops and removes what it created");
  }
  log::info(report("before-copy", *outcome, true));
}

bool before_cutover(bool first_try) {
  const auto outcome = run_now("before-cutover");
  if (!outcome) return true;
  interrupt::check("while the before-cutover hook ran");
  if (outcome->succeeded()) {
    log::info(report("before-cutover", *outcome, true));
    return true;
  }
  const std::string text = report("before-cutover", *outcome, first_try);
  if (first_try) {
    log::warning(text +
                 "\nThe cut-over waits, the new table kept in sync, until the hook succeeds");
  } else {
    log::debug(text);
  }
  return false;
}

status::EndListener end_listener() {
  return [](const status::StatusSnapshot& end, int exit_code, const std::string& error) {
    const std::string event = exit_code == 0 ? "success" : "failure";
    const auto outcome = run(event, end, RunEnd{exit_code, error});
    if (!outcome) return;
    if (outcome->succeeded()) {
      log::info(report(event, *outcome, true));
    } else {
      log::warning(report(event, *outcome, true) + " (the run's exit status is unchanged)");
    }
  };
}

}  // namespace oa::hooks
