// --ask-pass: reading the password from the terminal.
#pragma once

#include <string>

namespace oa::cli {

// Writes `prompt` to the controlling terminal (/dev/tty) and reads one line
// from it with echo turned off; returns the line without its newline. Works
// with stdin and stdout redirected. Throws UsageError when the process has no
// terminal (a cron job, a pipeline without one); throws Error with
// ExitCode::kInterrupted on SIGINT (Ctrl-C) or SIGTERM, with the terminal
// restored.
std::string read_password_from_terminal(const std::string& prompt);

}  // namespace oa::cli
