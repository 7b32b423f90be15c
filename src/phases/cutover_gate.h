// What must clear before the swap: the postpone file (--postpone-cutover-file),
// the before-cutover hook and the pause signals that hold the swap too
// (replica lag). While either holds the cut-over back, the
// logged changes keep being applied, so the final lock stays short.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "control/run_controls.h"
#include "phases/change_applier.h"
#include "phases/pause_signal.h"
#include "phases/server_access.h"

namespace oa::phases {

struct Postponement {
  bool postponed = false;     // the cut-over waited (Phase::kPostponed was entered)
  std::uint64_t applied = 0;  // logged changes applied while it waited
};

// Waits while `postpone_file` exists (none when empty) and `controls` (may
// be nullptr) has not released the cut-over, then while any of `signals`
// gives a reason, then runs the before-cutover hook until it succeeds, every
// kHookRetry, waiting for the file and the signals again should they hold.
// The control socket's cutover command releases the file, never a signal.
// Returns when the swap may go ahead; throws Error(kInterrupted) on a
// signal, or what applying the changes throws.
Postponement hold_cutover(ServerAccess& server, ChangeApplier& applier,
                          const std::string& postpone_file, const control::RunControls* controls,
                          const std::vector<PauseSignal*>& signals);

}  // namespace oa::phases
