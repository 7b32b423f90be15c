// The orchestrator: runs the phases in order and owns the abort path.
#pragma once

#include "cli/options.h"
#include "control/run_controls.h"
#include "error.h"

namespace oa {

// Runs what `options` asks for (plan only, dry run or execute). Prints the plan
// and the final summary on stdout. Throws Error (with its exit code) on failure,
// after removing everything it created; returns normally on success.
// `controls`: what the control socket changes while the run goes on.
void run_migration(const cli::Options& options, const control::RunControls& controls);

}  // namespace oa
