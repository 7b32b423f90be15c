// One line per event on stderr, through Boost.Log. Never pass passwords or row data.
#pragma once

#include <string>

namespace oa::log {

// Sets up the stderr sink: 0 = warnings and errors only, 1 = info, 2 = debug.
void init(int verbosity);

void debug(const std::string& message);
void info(const std::string& message);
void warning(const std::string& message);
void error(const std::string& message);

}  // namespace oa::log
