// Phase 4: the change log and the three triggers on T that fill it.
#pragma once

#include <optional>
#include <string>

#include "phases/cleanup_stack.h"
#include "phases/server_access.h"
#include "plan/migration_plan.h"

namespace oa::phases {

// Creates the change log, then the three triggers together inside one short
// LOCK TABLES on T and the log, retrying when the lock is not granted within
// the lock wait timeout. Registers the removal of each on `cleanup`. Requires
// plan.has_shadow_details().
void install_capture(ServerAccess& server, const plan::MigrationPlan& plan, CleanupStack& cleanup);

// For a resumed run that stopped before its copy began: drops whichever of
// the triggers exist and creates all three again, under the same lock.
void reinstall_capture_triggers(ServerAccess& server, const plan::MigrationPlan& plan);

// nullopt when the change log and the three triggers exist on T exactly as
// this plan creates them; otherwise what is missing or different.
std::optional<std::string> capture_problem(db::Connection& c, const plan::MigrationPlan& plan);

// Registers the removal of an existing change log and triggers (a resumed run).
void register_capture_removal(ServerAccess& server, const plan::MigrationPlan& plan,
                              CleanupStack& cleanup);

// --revertible: the change log of `capture` (plan::way_back_capture), made
// before the swap; its removal is registered on `cleanup`.
void create_way_back_log(ServerAccess& server, const plan::MigrationPlan& capture,
                         CleanupStack& cleanup);

// The triggers of `capture`, created on its table (the shadow) by the swap's
// session, which holds LOCK TABLES on it: triggers of the same names are
// dropped first (an earlier attempt's). Keeps the session's sql_mode.
void create_way_back_triggers(db::Connection& c, const plan::MigrationPlan& capture);

// Drops them again, after a swap attempt that failed.
void drop_way_back_triggers(db::Connection& c, const plan::MigrationPlan& capture);

// After the swap, where the triggers sit on `_T_old`: drops them, then the log.
// Throws on failure.
void remove_capture_after_swap(ServerAccess& server, const plan::MigrationPlan& plan);

}  // namespace oa::phases
