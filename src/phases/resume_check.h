// Before --resume continues a stopped run: proves that what the run left is
// what its checkpoint describes, and that nothing it depends on has changed.
#pragma once

#include "phases/checkpoint.h"
#include "phases/server_access.h"
#include "plan/migration_plan.h"
#include "schema/table_info.h"

namespace oa::phases {

// The stopped run's checkpoint, checked against this run: the same version
// of the tool, the same ALTER. Throws RefusedError naming the difference and
// what to do; changes nothing.
SavedCheckpoint read_resumable_checkpoint(ServerAccess& server, const plan::MigrationPlan& plan);

// Throws RefusedError unless the original table is defined, and has the
// triggers, as when the stopped run began (before the swap: a change since
// would be missing from its copy).
void check_original_unchanged(ServerAccess& server, const plan::MigrationPlan& plan,
                              const SavedCheckpoint& saved);

// The plan completed from the existing shadow, after checking the shadow is
// there, maps the columns as the checkpoint says and, once the copy has
// begun, that the change log and the three triggers are intact (without
// them, the application's changes since may be missing). Throws RefusedError.
plan::MigrationPlan resumable_plan(ServerAccess& server, plan::MigrationPlan plan,
                                   const schema::TableInfo& original, const SavedCheckpoint& saved);

}  // namespace oa::phases
