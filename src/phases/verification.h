// Phase 7: proves, before the swap, that the shadow holds the original's rows.
#pragma once

#include <cstdint>

#include "phases/change_applier.h"
#include "phases/chunk_comparer.h"
#include "phases/server_access.h"
#include "plan/migration_plan.h"

namespace oa::phases {

struct VerifySettings {
  std::uint64_t chunk_size = 20000;  // rows of the original per compared range
  double progress_interval = 5;
};

struct VerifyStats {
  std::uint64_t chunks = 0;
  std::uint64_t rows = 0;        // rows compared on the original's side
  std::uint64_t skipped = 0;     // left out because their keys were still logged
  std::uint64_t mismatches = 0;  // ranges that differed at first
  std::uint64_t repaired = 0;    // of those, ranges equal after copying them again
  double seconds = 0;
};

// The comparison of the original with the shadow: every column they share
// (mapped through renames; generated shadow columns left out), keys through
// the chunk key and the shadow's row key, logged keys left out.
ComparedTables original_and_shadow(const plan::MigrationPlan& plan);

// Walks the original along its chunk key and compares every range with the
// same range of the shadow (the last range open-ended, so rows only the
// shadow has are found too). A range that differs is reported, copied again
// from the original in one transaction, and compared again; when it still
// differs, throws Error(ExitCode::kVerificationFailed) naming the range, the
// counts, the checksums and the keys. Requires that nothing else writes the
// shadow meanwhile (the applier runs on the same thread).
// Reads on `reader`, a session of its own (so that it can run while the
// shadow's indexes are built on the main one: a range whose snapshot the
// index build invalidates is read again); copies again on server.copy().
VerifyStats verify_shadow(ServerAccess& server, db::Connection& reader,
                          const plan::MigrationPlan& plan, const VerifySettings& settings);

}  // namespace oa::phases
