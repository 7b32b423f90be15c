// The options of a way back: --revertible and --revert-window on a
// migration, and the subcommands revert and finalize.
#pragma once

#include <boost/program_options.hpp>
#include <string>

#include "cli/options.h"

namespace oa::cli {

// --revertible, --revert-window.
boost::program_options::options_description revertible_options();

// Reads what revertible_options() described into `o`. Throws UsageError.
void read_revertible_options(const boost::program_options::variables_map& vm, Options& o);

// --revert-window alone, for `online-alter revert`.
boost::program_options::options_description revert_window_option();
void read_revert_window(const boost::program_options::variables_map& vm, Options& o);

// "90s", "30m", "24h", "7d", or a number of seconds, in seconds. Throws
// UsageError naming `option`.
double parse_duration(const std::string& text, const char* option);

}  // namespace oa::cli
