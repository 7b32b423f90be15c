#include "phases/cutover_gate.h"

#include <chrono>
#include <filesystem>
#include <thread>

#include "hooks/run_hooks.h"
#include "interrupt.h"
#include "log.h"
#include "phases/cutover.h"
#include "status/phase.h"

namespace oa::phases {
namespace {

using Clock = std::chrono::steady_clock;

// A hook usually checks something outside the tool (a deploy window, a
// replica's lag); asking again every few seconds is prompt without loading it.
constexpr auto kHookRetry = std::chrono::seconds(5);
constexpr auto kApplyPoll = std::chrono::milliseconds(500);  // as wait_while_postponed
constexpr auto kReminder = std::chrono::seconds(60);

bool file_exists(const std::string& file) { return !file.empty() && std::filesystem::exists(file); }

// Applies the change log for `span`, checking for a signal between rounds.
std::uint64_t keep_in_sync(ServerAccess& server, ChangeApplier& applier, Clock::duration span) {
  std::uint64_t applied = 0;
  const auto until = Clock::now() + span;
  while (Clock::now() < until) {
    interrupt::check("while the before-cutover hook held the cut-over back");
    applied += applier.apply(server.copy());
    std::this_thread::sleep_for(kApplyPoll);
  }
  return applied;
}

}  // namespace

Postponement hold_cutover(ServerAccess& server, ChangeApplier& applier,
                          const std::string& postpone_file, const control::RunControls* controls) {
  auto released = [&] { return controls != nullptr && controls->cutover_released(); };
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
      held.applied += wait_while_postponed(server, applier, postpone_file, controls);
      first_try = true;
    }
    if (hooks::before_cutover(first_try)) return held;
    postpone();
    if (!first_try && Clock::now() - reminded > kReminder) {
      log::info("cut-over still held back by the before-cutover hook");
      reminded = Clock::now();
    }
    first_try = false;
    held.applied += keep_in_sync(server, applier, kHookRetry);
  }
}

}  // namespace oa::phases
