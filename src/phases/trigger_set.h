// Phase 4: the three capture triggers on T that mirror every write into the shadow.
#pragma once

#include "phases/cleanup_stack.h"
#include "phases/server_access.h"
#include "plan/migration_plan.h"

namespace oa::phases {

// Creates the three triggers together inside one short LOCK TABLES on T and the
// shadow, retrying when the lock is not granted within the lock wait timeout.
// Registers their removal on `cleanup`. Requires plan.has_shadow_details().
void install_triggers(ServerAccess& server, const plan::MigrationPlan& plan, CleanupStack& cleanup);

// Drops the triggers after the swap, where they sit on `_T_old`. Throws on failure.
void drop_triggers_after_swap(ServerAccess& server, const plan::MigrationPlan& plan);

}  // namespace oa::phases
