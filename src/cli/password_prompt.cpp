#include "cli/password_prompt.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include "error.h"

namespace oa::cli {
namespace {

// Owns the descriptor of /dev/tty and puts its echo back as it was, on every
// path out (a read error included).
class SilentTerminal {
 public:
  explicit SilentTerminal(int fd) : fd_(fd) {
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
  }
  SilentTerminal(const SilentTerminal&) = delete;
  SilentTerminal& operator=(const SilentTerminal&) = delete;

 private:
  int fd_;
  termios saved_{};
  bool restore_ = false;
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
    if (n < 0) throw UsageError("--ask-pass could not read the password from the terminal");
    if (n == 0 || c == '\n') break;
    password.push_back(c);
  }
  return password;
}

}  // namespace oa::cli
