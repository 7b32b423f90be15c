// Runs one hook executable: fork and exec (no shell), stdin from /dev/null,
// stdout and stderr captured, killed when it runs too long.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace oa::hooks {

struct HookOutcome {
  bool started = false;    // false when it could not be executed at all
  int exit_status = -1;    // when it exited
  int signal = 0;          // the signal that ended it, 0 when it exited
  bool timed_out = false;  // killed for running longer than the timeout
  bool stopped = false;    // killed because `stop` said so
  std::string output;      // its stdout and stderr, interleaved; at most kMaxOutput bytes

  bool succeeded() const { return started && !timed_out && signal == 0 && exit_status == 0; }
  // "exit status 3", "killed after 60 s", "killed by signal 9", "could not be run: ...".
  std::string describe() const;
};

// Bytes of a hook's output kept for the log.
constexpr std::size_t kMaxOutput = 4096;

// Runs `path` with no arguments and exactly `environment` ("NAME=value"
// entries), in a process group of its own; after `timeout` the whole group
// is killed with SIGKILL, as it is as soon as `stop` (when given, asked
// every few hundred milliseconds) returns true. Never throws for the hook's
// own failures.
HookOutcome run_hook_process(const std::string& path, const std::vector<std::string>& environment,
                             std::chrono::milliseconds timeout,
                             const std::function<bool()>& stop = {});

// The first `lines` lines of `output`, each prefixed with "  | ".
std::string first_lines(const std::string& output, int lines);

}  // namespace oa::hooks
