// Phase 7: the swap. T becomes _T_old and the shadow becomes T in one atomic
// RENAME, taken with a short lock wait so the application never queues long.
#pragma once

#include <string>

#include "phases/server_access.h"
#include "plan/migration_plan.h"

namespace oa::phases {

struct CutoverSettings {
  std::string postpone_file;  // wait while it exists; the triggers keep the shadow in sync
  unsigned lock_wait_timeout = 2;
  unsigned retries = 10;
};

// Waits while the postpone file exists, refreshes the shadow's statistics, then
// swaps. Throws an Error with ExitCode::kCutoverFailed when the RENAME could not
// get its locks in `retries` attempts; T is then untouched.
void cut_over(ServerAccess& server, const plan::MigrationPlan& plan,
              const CutoverSettings& settings);

// True when the swap has happened: `_T_old` exists and the shadow name does not.
// For deciding what to clean up after an error during cut_over().
bool swap_done(ServerAccess& server, const plan::MigrationPlan& plan);

}  // namespace oa::phases
