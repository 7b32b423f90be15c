// One attempt at the swap: T is locked, the last logged changes are applied,
// and the RENAME takes over T's lock before any writer can get it.
#pragma once

#include <functional>

#include "phases/change_applier.h"
#include "phases/server_access.h"
#include "phases/table_guard.h"
#include "plan/migration_plan.h"

namespace oa::phases {

struct SwapSettings {
  unsigned lock_wait_timeout = 2;  // seconds, for each lock
  // --revertible: the capture set (plan::way_back_capture) created on the
  // shadow under the swap's lock, so that the old table misses no write to
  // the new one. Its log must exist. Null: none.
  const plan::MigrationPlan* way_back = nullptr;
  // T as the run began: under the lock, T must still be so, or the attempt
  // throws (see table_guard.h) and changes nothing. Null: not checked.
  const TableState* unchanged = nullptr;
};

struct SwapTimings {
  double lock_wait_ms = 0;            // waiting for LOCK TABLES (writers of T queue meanwhile)
  double locked_ms = 0;               // from holding the lock to the end of the RENAME
  std::uint64_t changes_applied = 0;  // under the lock
};

// Returns once T has been swapped with the shadow. Throws a db::DbError whose
// is_lock_conflict() is true when a lock was not granted within the lock wait
// timeout: nothing changed and nothing is held, so the caller may retry. Any
// other Error also leaves T untouched and unlocked. `before_lock` runs once
// both sessions are connected, right before the lock is asked for (to apply
// the log down to a few entries: they are applied while T is locked).
SwapTimings attempt_swap(ServerAccess& server, const plan::MigrationPlan& plan,
                         ChangeApplier& applier, const SwapSettings& settings,
                         const std::function<void()>& before_lock);

}  // namespace oa::phases
