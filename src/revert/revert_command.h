// `online-alter revert` and `online-alter finalize`: the two ends of the
// window a --revertible migration opens.
#pragma once

#include "cli/options.h"

namespace oa::revert {

// Applies what T's capture triggers logged since the swap to _T_old,
// verifies the two tables, and swaps them back with the migration's lock
// relay, leaving the newer table as _T_old, kept in step in turn. Refused,
// with nothing changed, when there is no open window, when a logged row does
// not fit the old schema, or when the window has ended.
void run_revert(const cli::Options& o);

// Drops the capture triggers on T, their log, _T_old and the checkpoint.
void run_finalize(const cli::Options& o);

}  // namespace oa::revert
