// Runs the online-alter binary as a child process (argument vector, no shell)
// and captures what it printed.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace oa::test {

// What one run of the tool did.
struct ToolResult {
  int exit_code = -1;      // the exit status; 128 + signal number if it was killed
  bool timed_out = false;  // killed because it ran longer than the timeout
  std::string out;         // everything written to stdout
  std::string err;         // everything written to stderr
  double seconds = 0;      // wall-clock run time

  // A multi-line description for failure messages: the command's exit status and
  // the last lines of stdout and stderr.
  std::string describe() const;

  // The last non-empty line of stdout, or "" when there is none.
  std::string last_out_line() const;
};

// The non-empty lines of `text` (the tool's output), in order.
std::vector<std::string> lines_of(const std::string& text);

class ToolRun {
 public:
  // The path in OA_BIN, else "build/online-alter" (relative to the working
  // directory) when that file exists, else the tool this suite was built with.
  static std::string binary_from_environment();

  // `binary` is run as given (no PATH search); a run that lasts longer than
  // `timeout` is killed with SIGKILL.
  explicit ToolRun(std::string binary, std::chrono::seconds timeout = std::chrono::seconds(300));

  // Runs the binary with `args` (without argv[0]), stdin from /dev/null and the
  // environment of this process (so MYSQL_PWD reaches it), and waits for it.
  // Safe to call from several threads at once. Throws std::runtime_error when
  // the process cannot be started.
  ToolResult run(const std::vector<std::string>& args) const;

  const std::string& binary() const { return binary_; }

 private:
  std::string binary_;
  std::chrono::seconds timeout_;
};

}  // namespace oa::test
