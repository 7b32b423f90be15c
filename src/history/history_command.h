// `online-alter history`: lists the recorded runs, newest first.
#pragma once

#include "cli/options.h"

namespace oa {

// Prints the runs of options.history_database.history_table (narrowed by
// --database and --table, at most --limit) on stdout: an aligned text table,
// or with --log-format json one JSON object per run. Prints a note when the
// table does not exist yet. Throws Error when the server refuses.
void run_history(const cli::Options& options);

}  // namespace oa
