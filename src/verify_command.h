// `online-alter verify`: compares two existing tables of one database, key
// range by key range, and prints where they differ.
#pragma once

#include "cli/options.h"

namespace oa {

// Throws Error(kVerificationFailed) when the tables differ (the differing
// ranges are on standard output), RefusedError when they cannot be compared.
void run_verify(const cli::Options& options);

}  // namespace oa
