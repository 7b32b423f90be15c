// Phase 7: proves, before the swap, that the shadow holds the original's rows.
#pragma once

#include <cstdint>

#include "phases/chunk_comparer.h"
#include "phases/server_access.h"
#include "plan/migration_plan.h"

namespace oa::phases {

struct VerifySettings {
  std::uint64_t chunk_size = 20000;  // rows of the original per compared range
  // Sessions that compare ranges at once, each on a thread of its own. One:
  // on the 2-core benchmark machine (scripts/bench, 3 runs per mode) a second
  // session made the verification cost 1.67-1.95x the --no-verify wall time
  // against 1.35-1.47x with one, and raised the clients' worst second.
  unsigned sessions = 1;
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
// shadow has are found too), settings.sessions ranges at a time. Called once
// the copy has finished, so that every range's comparison begins after the
// copy's last write to it. A range that differs is reported, copied again
// from the original in one transaction, and compared again; when it still
// differs, throws Error(ExitCode::kVerificationFailed) naming the range, the
// counts, the checksums and the keys. Requires that nothing else writes the
// shadow meanwhile. Walks and compares again on `reader`, a session of its
// own (so that it can run while the shadow's indexes are built on the main
// one: a range whose snapshot the index build invalidates is read again);
// copies again on server.copy().
VerifyStats verify_shadow(ServerAccess& server, db::Connection& reader,
                          const plan::MigrationPlan& plan, const VerifySettings& settings);

}  // namespace oa::phases
