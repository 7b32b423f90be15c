// `online-alter cleanup`: removes whatever a stopped run left next to a table.
#pragma once

#include "cli/options.h"

namespace oa {

// Lists, then (unless --dry-run) removes: the capture triggers first, then
// the change log, the shadow table, the checkpoint, and the old table only
// with --drop-old-table. Never touches the table itself. Idempotent. Throws
// RefusedError while a run holds the table, Error(kCleanupIncomplete) when an
// object could not be removed.
void run_cleanup(const cli::Options& options);

}  // namespace oa
