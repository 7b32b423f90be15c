// Phase 4: the change log and the three triggers on T that fill it.
#pragma once

#include "phases/cleanup_stack.h"
#include "phases/server_access.h"
#include "plan/migration_plan.h"

namespace oa::phases {

// Creates the change log, then the three triggers together inside one short
// LOCK TABLES on T and the log, retrying when the lock is not granted within
// the lock wait timeout. Registers the removal of each on `cleanup`. Requires
// plan.has_shadow_details().
void install_capture(ServerAccess& server, const plan::MigrationPlan& plan, CleanupStack& cleanup);

// After the swap, where the triggers sit on `_T_old`: drops them, then the log.
// Throws on failure.
void remove_capture_after_swap(ServerAccess& server, const plan::MigrationPlan& plan);

}  // namespace oa::phases
