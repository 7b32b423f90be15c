#include "support/tool_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace oa::test {
namespace {

constexpr auto kPollSlice = std::chrono::milliseconds(200);  // how late the timeout may strike

// Appends what is available on `fd` to `sink`; returns false at end of file.
bool drain(int fd, std::string& sink, std::mutex& mutex) {
  char buffer[65536];
  ssize_t n = read(fd, buffer, sizeof buffer);
  if (n > 0) {
    std::lock_guard<std::mutex> lock(mutex);
    sink.append(buffer, static_cast<std::size_t>(n));
    return true;
  }
  return n < 0 && (errno == EINTR || errno == EAGAIN);
}

}  // namespace

ToolProcess::ToolProcess(const std::string& binary, const std::vector<std::string>& args,
                         std::chrono::seconds timeout, std::vector<std::string> extra_environment) {
  int out_pipe[2];
  int err_pipe[2];
  // O_CLOEXEC: a tool started concurrently from another thread must not
  // inherit these pipes, or this one would never see end of file.
  if (pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  if (pipe2(err_pipe, O_CLOEXEC) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    throw std::runtime_error("pipe2 failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);

  std::vector<std::string> argv_storage{binary};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (char** e = environ; *e != nullptr; ++e) envp.push_back(*e);
  for (std::string& e : extra_environment) envp.push_back(e.data());
  envp.push_back(nullptr);

  const auto started = std::chrono::steady_clock::now();
  const int spawn_error =
      posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (spawn_error != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    throw std::runtime_error("cannot run " + binary + ": " + std::strerror(spawn_error) +
                             " (set OA_BIN to the online-alter binary)");
  }
  collector_ = std::thread([this, out = out_pipe[0], err = err_pipe[0], started, timeout] {
    collect(out, err, started, timeout);
  });
}

ToolProcess::~ToolProcess() {
  {
    // Until the collector has reaped the child, its pid cannot be reused.
    std::lock_guard<std::mutex> lock(mutex_);
    if (!finished_) kill(pid_, SIGKILL);
  }
  if (collector_.joinable()) collector_.join();
}

void ToolProcess::send_signal(int signal) {
  // Under the lock: once the collector has reaped the child, its pid may be reused.
  std::lock_guard<std::mutex> lock(mutex_);
  if (!finished_) kill(pid_, signal);
}

void ToolProcess::collect(int out_fd, int err_fd, std::chrono::steady_clock::time_point started,
                          std::chrono::seconds timeout) {
  const auto deadline = started + timeout;
  bool out_open = true, err_open = true, timed_out = false;
  while (out_open || err_open) {
    if (!timed_out && std::chrono::steady_clock::now() >= deadline) {
      kill(pid_, SIGKILL);
      timed_out = true;
    }
    pollfd fds[2] = {{out_open ? out_fd : -1, POLLIN, 0}, {err_open ? err_fd : -1, POLLIN, 0}};
    if (poll(fds, 2, static_cast<int>(kPollSlice.count())) < 0 && errno != EINTR) break;
    if (out_open && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
      out_open = drain(out_fd, result_.out, mutex_);
    }
    if (err_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      err_open = drain(err_fd, result_.err, mutex_);
      changed_.notify_all();
    }
  }
  close(out_fd);
  close(err_fd);
  // Wait for the exit without reaping, so that the destructor's kill() can
  // never hit a reused pid; reap under the lock.
  siginfo_t info{};
  while (waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR) {
  }
  std::lock_guard<std::mutex> lock(mutex_);
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  result_.timed_out = timed_out;
  result_.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (WIFEXITED(status)) {
    result_.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result_.exit_code = 128 + WTERMSIG(status);
  }
  finished_ = true;
  changed_.notify_all();
}

std::string ToolProcess::err_so_far() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return result_.err;
}

bool ToolProcess::wait_for_err(const std::string& text, std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait_for(lock, timeout,
                    [&] { return finished_ || result_.err.find(text) != std::string::npos; });
  return result_.err.find(text) != std::string::npos;
}

bool ToolProcess::finished() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return finished_;
}

bool ToolProcess::wait_for_exit(std::chrono::milliseconds timeout) const {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return finished_; });
}

ToolResult ToolProcess::wait() {
  if (collector_.joinable()) collector_.join();
  std::lock_guard<std::mutex> lock(mutex_);
  return result_;
}

}  // namespace oa::test
