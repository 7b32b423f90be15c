#include "control/control_socket.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "control/control_command.h"
#include "error.h"
#include "log.h"

namespace oa::control {
namespace {

constexpr std::size_t kMaxCommand = 1024;  // longer than any command
constexpr int kReadTimeoutMs = 2000;       // a client that sends nothing is dropped

sockaddr_un address_of(const std::string& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  if (path.size() >= sizeof address.sun_path) {
    throw Error(ExitCode::kUsage, "--control-socket " + path + ": the path is longer than " +
                                      std::to_string(sizeof address.sun_path - 1) +
                                      " bytes, the most a unix socket path may have");
  }
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  return address;
}

// True when something accepts connections at `path`.
bool someone_listens(const sockaddr_un& address) {
  const int probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (probe < 0) return false;
  const bool listening =
      connect(probe, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  close(probe);
  return listening;
}

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::send(fd, text.data() + done, text.size() - done, MSG_NOSIGNAL);
    if (n <= 0) return;  // the client went away; nothing to tell it
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

ControlSocket::ControlSocket(std::string path, RunControls& controls,
                             const status::StatusBoard& board)
    : path_(std::move(path)), controls_(controls), board_(board) {
  const sockaddr_un address = address_of(path_);
  struct stat existing {};
  if (lstat(path_.c_str(), &existing) == 0) {
    if (!S_ISSOCK(existing.st_mode)) {
      throw Error(ExitCode::kUsage,
                  "--control-socket " + path_ + " exists and is not a socket; choose another path");
    }
    if (someone_listens(address)) {
      throw Error(ExitCode::kUsage, "--control-socket " + path_ +
                                        " is in use by another process (another run?); choose "
                                        "another path");
    }
    ::unlink(path_.c_str());  // left by a run that was killed
  }
  listener_ = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  // Only the owner may pause or abort the run: the socket is created 0600.
  const mode_t old_mask = umask(0177);
  const bool bound =
      listener_ >= 0 &&
      bind(listener_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
      listen(listener_, 4) == 0;
  const int bind_errno = errno;
  umask(old_mask);
  if (!bound || pipe2(stop_pipe_, O_CLOEXEC) != 0) {
    if (listener_ >= 0) close(listener_);
    throw Error(ExitCode::kUsage, "--control-socket " + path_ + ": cannot listen there (" +
                                      std::strerror(bind_errno) + ")");
  }
  log::info("control socket " + path_ +
            " listening (commands: status, pause, resume, "
            "chunk-time=, max-load=, cutover, abort)");
  thread_ = std::thread([this] { serve(); });
}

ControlSocket::~ControlSocket() {
  const char stop = 'x';
  const ssize_t ignored = ::write(stop_pipe_[1], &stop, 1);
  (void)ignored;
  thread_.join();
  close(listener_);
  close(stop_pipe_[0]);
  close(stop_pipe_[1]);
  ::unlink(path_.c_str());
}

void ControlSocket::serve() {
  for (;;) {
    pollfd watched[2] = {{listener_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    if (poll(watched, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (watched[1].revents != 0) return;
    if ((watched[0].revents & POLLIN) == 0) continue;
    const int client = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    answer(client);
    close(client);
  }
}

void ControlSocket::answer(int client) {
  std::string line;
  char buffer[256];
  while (line.find('\n') == std::string::npos && line.size() <= kMaxCommand) {
    pollfd readable{client, POLLIN, 0};
    if (poll(&readable, 1, kReadTimeoutMs) <= 0) break;
    const ssize_t n = ::read(client, buffer, sizeof buffer);
    if (n <= 0) break;
    line.append(buffer, static_cast<std::size_t>(n));
  }
  line = line.substr(0, line.find('\n'));
  const std::string reply = handle_command(line, controls_, board_);
  // A dashboard may ask for the status every second: that stays out of the log.
  const bool quiet = line == "status";
  log::event(quiet ? log::Level::kDebug : log::Level::kInfo, "control",
             "control socket: " + line.substr(0, 80) + " -> " + (quiet ? "status" : reply),
             {{"command", line.substr(0, 80)}});
  write_all(client, reply + "\n");
}

}  // namespace oa::control
