// The hooks of this run (--hook-dir): installed once by main(), then run by
// the migration at its two decision points and by the end listener. Without
// a hook directory, or without a hook for an event, every call does nothing.
#pragma once

#include <string>

#include "status/reported_run.h"
#include "status/summary.h"

namespace oa::hooks {

struct HookSettings {
  std::string dir;              // --hook-dir; empty: no hooks
  double timeout_seconds = 60;  // --hook-timeout: a hook running longer is killed and fails
  std::string password;         // kept out of every hook's environment
};

// Sets up the hooks of the run `run`, and starts following its status (for
// OA_PHASE, OA_ROWS_COPIED, ...). Call once, before the command runs; the
// directory must have passed check_hook_dir().
void install(const HookSettings& settings, const status::RunIdentity& run);

// Runs the before-copy hook. Throws Error(ExitCode::kMigrationFailed) naming
// the hook and how it failed when it fails.
void before_copy();

// Runs the before-cutover hook: true when there is none or it succeeded. On
// failure logs why (with the first lines of its output when `first_try`,
// else only a short line) and returns false: the cut-over waits.
bool before_cutover(bool first_try);

// The listener that runs the success hook (exit status 0) or the failure hook
// at the end of the run. A failing one is logged as a warning; the run's exit
// status stands.
status::EndListener end_listener();

}  // namespace oa::hooks
