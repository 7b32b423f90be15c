#include "hooks/hook_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sstream>

namespace oa::hooks {
namespace {

using Clock = std::chrono::steady_clock;

// How often the child is polled for its exit while its output is idle.
constexpr int kPollMs = 100;

// In the child, between fork and exec: only async-signal-safe calls, since
// other threads of the tool may have held locks at the fork.
[[noreturn]] void exec_child(const char* path, char* const* envp, int out_fd) {
  ::setpgid(0, 0);  // its own group: a timeout kills what it started too
  const int null_fd = ::open("/dev/null", O_RDONLY);
  if (null_fd >= 0) ::dup2(null_fd, STDIN_FILENO);
  ::dup2(out_fd, STDOUT_FILENO);
  ::dup2(out_fd, STDERR_FILENO);
  const int max_fd = static_cast<int>(::sysconf(_SC_OPEN_MAX));
  for (int fd = STDERR_FILENO + 1; fd < max_fd && fd < 65536; ++fd) ::close(fd);
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  char* const argv[] = {const_cast<char*>(path), nullptr};
  ::execve(path, argv, envp);
  ::_exit(127);
}

void keep(std::string& output, const char* data, std::size_t size) {
  if (output.size() < kMaxOutput) output.append(data, std::min(size, kMaxOutput - output.size()));
}

// Reads what is there without blocking; false at end of file.
bool drain(int fd, std::string& output) {
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      keep(output, buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n == 0) return false;
    if (errno == EINTR) continue;
    return errno == EAGAIN || errno == EWOULDBLOCK;
  }
}

void note_status(HookOutcome& outcome, int status) {
  if (WIFEXITED(status)) outcome.exit_status = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) outcome.signal = WTERMSIG(status);
}

}  // namespace

std::string HookOutcome::describe() const {
  if (!started) return "could not be run: " + output;
  if (timed_out) return "killed after running too long";
  if (stopped) return "killed as the run stops";
  if (signal != 0) return "killed by signal " + std::to_string(signal);
  return "exit status " + std::to_string(exit_status);
}

HookOutcome run_hook_process(const std::string& path, const std::vector<std::string>& environment,
                             std::chrono::milliseconds timeout, const std::function<bool()>& stop) {
  HookOutcome outcome;
  std::vector<char*> envp;
  for (const std::string& entry : environment) envp.push_back(const_cast<char*>(entry.c_str()));
  envp.push_back(nullptr);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    outcome.output = std::strerror(errno);
    return outcome;
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    outcome.output = std::strerror(errno);
    ::close(fds[0]);
    ::close(fds[1]);
    return outcome;
  }
  if (pid == 0) exec_child(path.c_str(), envp.data(), fds[1]);
  ::close(fds[1]);
  ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
  outcome.started = true;
  const auto deadline = Clock::now() + timeout;
  bool open = true;
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      // A child it left behind may keep the pipe open: take what is there.
      if (open) drain(fds[0], outcome.output);
      note_status(outcome, status);
      break;
    }
    const bool stopping = stop && stop();
    if (stopping || Clock::now() >= deadline) {
      ::kill(-pid, SIGKILL);
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      (stopping ? outcome.stopped : outcome.timed_out) = true;
      note_status(outcome, status);
      break;
    }
    if (open) {
      pollfd p{fds[0], POLLIN, 0};
      if (::poll(&p, 1, kPollMs) > 0) open = drain(fds[0], outcome.output);
    } else {
      ::usleep(kPollMs * 1000);
    }
  }
  ::close(fds[0]);
  return outcome;
}

std::string first_lines(const std::string& output, int lines) {
  std::istringstream in(output);
  std::string line, text;
  for (int n = 0; n < lines && std::getline(in, line); ++n) text += "\n  | " + line;
  return text;
}

}  // namespace oa::hooks
