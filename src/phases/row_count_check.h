// Phase 6 (first line of defence): the shadow must hold as many rows as the original.
#pragma once

#include "phases/server_access.h"
#include "plan/migration_plan.h"

namespace oa::phases {

// Counts the rows of the original and the shadow inside one consistent
// snapshot. The triggers commit with the application's writes, so after the
// copy both counts must be equal at any snapshot. Throws an Error with
// ExitCode::kMigrationFailed when they differ: the ALTER merged or dropped rows
// (a new UNIQUE key over duplicate values, a collation that makes keys equal).
void check_row_counts(ServerAccess& server, const plan::MigrationPlan& plan);

}  // namespace oa::phases
