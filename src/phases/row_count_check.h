// Phase 6 (first line of defence): the shadow must hold as many rows as the original.
#pragma once

#include "phases/change_applier.h"
#include "phases/server_access.h"
#include "plan/migration_plan.h"

namespace oa::phases {

// Counts the rows of the original and the shadow inside one consistent
// snapshot, leaving out the keys the change log holds (their rows are not
// copied yet; a batch of applied changes commits together with its removal
// from the log, so at any snapshot every other key must have its row in both
// tables or in neither). Throws an Error with ExitCode::kMigrationFailed when
// the counts differ: the ALTER merged or dropped rows (a new UNIQUE key over
// duplicate values, a collation that makes keys equal).
void check_row_counts(ServerAccess& server, const plan::MigrationPlan& plan,
                      const ChangeApplier& applier);

}  // namespace oa::phases
