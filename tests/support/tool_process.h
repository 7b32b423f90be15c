// Runs the online-alter binary in the background, so that a test can act while
// it runs: watch its log, remove a file it waits for, hold a lock it needs.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/tool_run.h"

namespace oa::test {

class ToolProcess {
 public:
  // Starts `binary` (no PATH search) with `args` (without argv[0]), stdin from
  // /dev/null and the environment of this process (so MYSQL_PWD reaches it)
  // plus `extra_environment` ("NAME=value" each). A process still running
  // after `timeout` is killed with SIGKILL. Throws std::runtime_error when the
  // process cannot be started.
  ToolProcess(const std::string& binary, const std::vector<std::string>& args,
              std::chrono::seconds timeout = std::chrono::seconds(300),
              std::vector<std::string> extra_environment = {});

  // Kills the process with SIGKILL if it still runs, and reaps it.
  ~ToolProcess();
  ToolProcess(const ToolProcess&) = delete;
  ToolProcess& operator=(const ToolProcess&) = delete;

  // Sends `signal` (e.g. SIGTERM, SIGKILL) if the process still runs.
  void send_signal(int signal);

  // The process id (for reading /proc/<pid>); valid until wait() returned.
  pid_t pid() const { return pid_; }

  // Everything the process wrote to stderr so far.
  std::string err_so_far() const;

  // Waits until stderr contains `text` (true), or the process ended or
  // `timeout` passed without it (false).
  bool wait_for_err(const std::string& text, std::chrono::milliseconds timeout) const;

  // Whether the process has ended (and its output has been read to the end).
  bool finished() const;

  // Waits until the process ended (true) or `timeout` passed (false).
  bool wait_for_exit(std::chrono::milliseconds timeout) const;

  // Waits for the end of the process and returns what it did. Callable more
  // than once; every call returns the same result.
  ToolResult wait();

 private:
  // Reads both pipes until end of file, enforces the timeout, reaps the child.
  void collect(int out_fd, int err_fd, std::chrono::steady_clock::time_point started,
               std::chrono::seconds timeout);

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  ToolResult result_;
  bool finished_ = false;
  pid_t pid_ = 0;
  std::thread collector_;
};

}  // namespace oa::test
