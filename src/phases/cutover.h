// Phase 7: the swap. T becomes _T_old and the shadow becomes T in one atomic
// RENAME, taken with a short lock wait so the application never queues long.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "phases/change_applier.h"
#include "phases/server_access.h"
#include "phases/swap_attempt.h"
#include "plan/migration_plan.h"

namespace oa::phases {

struct CutoverSettings {
  SwapSettings swap;
  unsigned retries = 10;  // attempts at the swap's locks
};

struct CutoverResult {
  unsigned attempts = 0;
  double locked_ms = 0;               // how long T was locked in the attempt that swapped
  std::uint64_t changes_applied = 0;  // log entries applied during the cut-over
  // Log entries found after the swap: writes that reached the old table after
  // the last change was applied. Always 0 unless the lock relay failed; the
  // old table and the log must then be kept for repair.
  std::uint64_t late_changes = 0;
  // Child constraints with rows that reference no row of the new table.
  std::vector<std::string> children_with_orphans;
};

// Refreshes the shadow's statistics, then swaps (see swap_attempt.h). Throws
// an Error with ExitCode::kCutoverFailed when the locks could not be had in
// `retries` attempts; T is then untouched.
CutoverResult cut_over(ServerAccess& server, const plan::MigrationPlan& plan,
                       ChangeApplier& applier, const CutoverSettings& settings);

// True when the swap has happened: `_T_old` exists and the shadow name does not.
// For deciding what to clean up after an error during cut_over().
bool swap_done(ServerAccess& server, const plan::MigrationPlan& plan);

}  // namespace oa::phases
