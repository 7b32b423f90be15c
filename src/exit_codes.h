// The table of exit statuses: the one place their names and meanings live.
// `--help` prints it; man/online-alter.1's EXIT STATUS section and the README
// list the same codes (tests/docs checks that they agree).
#pragma once

#include <string>
#include <vector>

#include "error.h"

namespace oa {

struct ExitCodeInfo {
  ExitCode code;
  const char* name;     // short, lower case, e.g. "refused"
  const char* meaning;  // one line, no final period
};

// Every ExitCode of error.h, in numeric order. A value added to the enum
// without a row here does not compile (the table is built from a switch).
const std::vector<ExitCodeInfo>& exit_code_table();

// The "Exit status:" block that every --help text ends with: one line per
// code with its number, name and meaning.
std::string exit_status_help();

}  // namespace oa
