#include "support/tool_run.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace oa::test {
namespace {

constexpr std::size_t kDescribedLines = 15;  // enough to show the error and its context

// The last `count` lines of `text`.
std::string tail(const std::string& text, std::size_t count) {
  std::size_t position = text.size();
  if (position > 0 && text[position - 1] == '\n') --position;
  for (std::size_t lines = 0; position > 0; --position) {
    if (text[position - 1] == '\n' && ++lines == count) break;
  }
  return text.substr(position);
}

// Closes a file descriptor once, on every path.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() { reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  void reset() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

// Reads what is available on `fd` into `sink`; returns false at end of file.
bool drain(int fd, std::string& sink) {
  char buffer[65536];
  ssize_t n = read(fd, buffer, sizeof buffer);
  if (n > 0) {
    sink.append(buffer, static_cast<std::size_t>(n));
    return true;
  }
  return n < 0 && (errno == EINTR || errno == EAGAIN);
}

}  // namespace

std::string ToolResult::describe() const {
  std::ostringstream text;
  text << "exit code " << exit_code << (timed_out ? " (killed after the timeout)" : "") << " after "
       << seconds << " s\n--- stdout (last lines) ---\n"
       << tail(out, kDescribedLines) << "\n--- stderr (last lines) ---\n"
       << tail(err, kDescribedLines);
  return text.str();
}

std::string ToolResult::last_out_line() const {
  std::string line = tail(out, 1);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return line;
}

std::string ToolRun::binary_from_environment() {
  const char* configured = std::getenv("OA_BIN");
  if (configured != nullptr && *configured != '\0') return configured;
  struct stat info {};
  if (stat("build/online-alter", &info) == 0) return "build/online-alter";
#ifdef OA_BUILT_TOOL
  return OA_BUILT_TOOL;
#else
  return "build/online-alter";
#endif
}

ToolRun::ToolRun(std::string binary, std::chrono::seconds timeout)
    : binary_(std::move(binary)), timeout_(timeout) {}

ToolResult ToolRun::run(const std::vector<std::string>& args) const {
  int out_pipe[2];
  int err_pipe[2];
  // O_CLOEXEC: a tool started concurrently from another thread must not inherit
  // these pipes, or this run would never see end of file.
  if (pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  Fd out_read(out_pipe[0]), out_write(out_pipe[1]);
  if (pipe2(err_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
  Fd err_read(err_pipe[0]), err_write(err_pipe[1]);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_write.get(), 1);
  posix_spawn_file_actions_adddup2(&actions, err_write.get(), 2);

  std::vector<std::string> argv_storage;
  argv_storage.push_back(binary_);
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);

  const auto started = std::chrono::steady_clock::now();
  pid_t pid = 0;
  int spawn_error = posix_spawn(&pid, binary_.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error != 0) {
    throw std::runtime_error("cannot run " + binary_ + ": " + std::strerror(spawn_error) +
                             " (set OA_BIN to the online-alter binary)");
  }
  out_write.reset();
  err_write.reset();

  ToolResult result;
  const auto deadline = started + timeout_;
  bool out_open = true, err_open = true;
  while (out_open || err_open) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 && !result.timed_out) {
      kill(pid, SIGKILL);
      result.timed_out = true;
    }
    pollfd fds[2] = {{out_read.get(), POLLIN, 0}, {err_read.get(), POLLIN, 0}};
    fds[0].fd = out_open ? out_read.get() : -1;
    fds[1].fd = err_open ? err_read.get() : -1;
    const int wait_ms =
        result.timed_out ? 1000 : static_cast<int>(std::min<long long>(left.count() + 1, 1000));
    if (poll(fds, 2, wait_ms) < 0 && errno != EINTR) break;
    if (out_open && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
      out_open = drain(out_read.get(), result.out);
    }
    if (err_open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR))) {
      err_open = drain(err_read.get(), result.err);
    }
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  return result;
}

}  // namespace oa::test
