// What must clear before the swap: the postpone file (--postpone-cutover-file)
// and the before-cutover hook. While either holds the cut-over back, the
// logged changes keep being applied, so the final lock stays short.
#pragma once

#include <cstdint>
#include <string>

#include "control/run_controls.h"
#include "phases/change_applier.h"
#include "phases/server_access.h"

namespace oa::phases {

struct Postponement {
  bool postponed = false;     // the cut-over waited (Phase::kPostponed was entered)
  std::uint64_t applied = 0;  // logged changes applied while it waited
};

// Waits while `postpone_file` exists (none when empty) and `controls` (may
// be nullptr) has not released the cut-over, then runs the before-cutover
// hook until it succeeds, every kHookRetry, waiting for the file again should
// it reappear. Returns when the swap may go ahead; throws
// Error(kInterrupted) on a signal, or what applying the changes throws.
Postponement hold_cutover(ServerAccess& server, ChangeApplier& applier,
                          const std::string& postpone_file, const control::RunControls* controls);

}  // namespace oa::phases
