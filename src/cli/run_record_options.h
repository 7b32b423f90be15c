// The options that record a run and tell others about it: hooks and the
// history table. Shared by the migration and the history subcommand.
#pragma once

#include <boost/program_options.hpp>

#include "cli/options.h"

namespace oa::cli {

// --hook-dir, --hook-timeout, --history-table, --no-history.
boost::program_options::options_description run_record_options();
// --history-table alone, for `online-alter history`.
boost::program_options::options_description history_table_option();

// Reads what run_record_options() (or only history_table_option()) described
// into `o`. Checks the hook directory now, before anything is created.
// Throws UsageError.
void read_run_record_options(const boost::program_options::variables_map& vm, Options& o);

// Splits "DB.TABLE" at its dot. Throws UsageError unless both are non-empty.
std::pair<std::string, std::string> parse_history_table(const std::string& text);

}  // namespace oa::cli
