// Phase 3: the shadow table `_T_new`, created like T and altered.
#pragma once

#include "db/connection.h"
#include "phases/cleanup_stack.h"
#include "phases/server_access.h"
#include "plan/migration_plan.h"
#include "schema/table_info.h"

namespace oa::phases {

// Creates the shadow like the original, registers its removal on `cleanup`,
// applies the user's ALTER (the server validates it) and carries the original's
// AUTO_INCREMENT over. Returns the shadow's definition. Throws RefusedError when
// the server rejects the ALTER; the shadow is then already registered for removal.
schema::TableInfo create_shadow(ServerAccess& server, const plan::MigrationPlan& plan,
                                CleanupStack& cleanup);

// Under the swap's lock, once the last changes are applied: raises the
// shadow's AUTO_INCREMENT counter to T's. T's counter moves on during the
// run, also past rows inserted and deleted again, which leave no row behind
// to carry it; the new table must never hand out those ids again. Does
// nothing when the shadow has no AUTO_INCREMENT column or is already ahead.
void carry_auto_increment(db::Connection& locker, const plan::MigrationPlan& plan);

// Registers the removal of an existing shadow (a resumed run).
void register_shadow_removal(ServerAccess& server, const plan::MigrationPlan& plan,
                             CleanupStack& cleanup);

}  // namespace oa::phases
