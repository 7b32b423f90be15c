// The swap on a Galera cluster: one RENAME, without the lock relay of
// swap_attempt.h, whose LOCK TABLES holds back writers on one node only.
#pragma once

#include <functional>

#include "phases/server_access.h"
#include "phases/swap_attempt.h"
#include "plan/migration_plan.h"

namespace oa::phases {

// Runs `before_rename` (to bring the log down to a few entries), then the
// RENAME on the main session with `lock_wait_timeout`. Requires plan.galera:
// the triggers write each change into the shadow themselves. Returns the
// time the RENAME waited and took (as lock_wait_ms and locked_ms). Throws a
// db::DbError whose is_lock_conflict() is true when T's metadata lock was not
// granted in time: nothing changed, the caller may retry.
SwapTimings swap_on_cluster(ServerAccess& server, const plan::MigrationPlan& plan,
                            unsigned lock_wait_timeout, const std::function<void()>& before_rename);

}  // namespace oa::phases
