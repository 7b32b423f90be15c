#include "cli/password_prompt.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "error.h"

namespace oa::cli {
namespace {

volatile std::sig_atomic_t interrupted = 0;

extern "C" void note_interrupt(int) { interrupted = 1; }

// Owns the descriptor of /dev/tty and turns its echo off; puts the echo and
// the handlers of SIGINT and SIGTERM back as they were on every path out.
class SilentTerminal {
 public:
  explicit SilentTerminal(int fd) : fd_(fd) {
    // A signal must not end the process while echo is off: the shell would be
    // left without it. Without SA_RESTART, the read() below returns EINTR.
    struct sigaction action {};
    action.sa_handler = note_interrupt;
    sigemptyset(&action.sa_mask);
    interrupted = 0;
    sigaction(SIGINT, &action, &saved_int_);
    sigaction(SIGTERM, &action, &saved_term_);
    restore_ = tcgetattr(fd_, &saved_) == 0;
    if (restore_) {
      termios silent = saved_;
      silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      silent.c_lflag |= ECHONL;  // the newline the user types still shows
      tcsetattr(fd_, TCSAFLUSH, &silent);
    }
  }
  ~SilentTerminal() {
    if (restore_) tcsetattr(fd_, TCSAFLUSH, &saved_);
    close(fd_);
    sigaction(SIGINT, &saved_int_, nullptr);
    sigaction(SIGTERM, &saved_term_, nullptr);
  }
  SilentTerminal(const SilentTerminal&) = delete;
  SilentTerminal& operator=(const SilentTerminal&) = delete;

 private:
  int fd_;
  termios saved_{};
  bool restore_ = false;
  struct sigaction saved_int_ {};
  struct sigaction saved_term_ {};
};

}  // namespace

std::string read_password_from_terminal(const std::string& prompt) {
  // /dev/tty, not stdin: the tool's input and output may be redirected while
  // a person still sits at the terminal.
  const int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    throw UsageError(
        "--ask-pass needs a terminal to ask on and there is none; give the "
        "password through MYSQL_PWD or --defaults-file instead");
  }
  SilentTerminal terminal(fd);
  if (write(fd, prompt.data(), prompt.size()) < 0) {
    throw UsageError("--ask-pass cannot write its prompt to the terminal");
  }
  std::string password;
  char c;
  while (true) {
    const ssize_t n = read(fd, &c, 1);
    if (n < 0 && errno == EINTR && interrupted) {
      throw Error(ExitCode::kInterrupted, "interrupted at the password prompt");
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw UsageError("--ask-pass could not read the password from the terminal");
    if (n == 0 || c == '\n') break;
    password.push_back(c);
  }
  return password;
}

}  // namespace oa::cli
