// Records each --dry-run and --execute run in the history table, at its end.
#pragma once

#include "cli/options.h"
#include "status/reported_run.h"
#include "status/summary.h"

namespace oa::history {

// The listener that records the run `run` of `options` in
// options.history_database.history_table, on a connection of its own (the
// run's may be broken), creating the schema and the table when missing.
// Throws Error when it cannot; run_reported() then only warns.
status::EndListener run_recorder(const cli::Options& options, const status::RunIdentity& run);

// Whether `options` asks for a run that is recorded: a migration with
// --dry-run or --execute, without --no-history.
bool records_history(const cli::Options& options);

}  // namespace oa::history
