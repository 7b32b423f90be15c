// The options about the servers that replicate the table: which replicas to
// watch and how much lag the copy may cause.
#pragma once

#include <boost/program_options.hpp>

#include "cli/options.h"

namespace oa::cli {

// --replica, --recursion-method, --max-lag, --check-interval.
boost::program_options::options_description replication_options();

// Reads what replication_options() described into `o`. Throws UsageError.
void read_replication_options(const boost::program_options::variables_map& vm, Options& o);

}  // namespace oa::cli
