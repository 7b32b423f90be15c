#include "interrupt.h"

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>
#include <string>

#include "error.h"

namespace oa::interrupt {
namespace {

std::atomic<int> received{0};  // the first signal, or kStopRequested
constexpr int kStopRequested = -1;
std::atomic<int> deferrals{0};

void say(const char* text) {
  // write(2): the only way to print that is safe in a signal handler.
  const ssize_t ignored = ::write(STDERR_FILENO, text, std::strlen(text));
  (void)ignored;
}

extern "C" void on_signal(int signal) {
  int expected = 0;
  if (received.compare_exchange_strong(expected, signal)) {
    say("\nonline-alter: stopping at the next safe point and removing what this run created "
        "(a second signal stops at once and leaves it for --resume or `online-alter cleanup`)\n");
    return;
  }
  say("\nonline-alter: stopping now; the original table is untouched. Continue with --resume, "
      "or remove what was left with `online-alter cleanup`\n");
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

}  // namespace

void install() {
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

void request_stop() {
  int expected = 0;
  received.compare_exchange_strong(expected, kStopRequested);
}

void check(const char* where) {
  const int signal = received.load();
  if (signal == 0 || deferrals.load() > 0) return;
  const char* by = signal == kStopRequested ? "an abort through the control socket"
                   : signal == SIGINT       ? "SIGINT"
                                            : "SIGTERM";
  throw Error(ExitCode::kInterrupted, std::string("stopped by ") + by + " " + where);
}

bool requested() { return received.load() != 0 && deferrals.load() == 0; }

Deferred::Deferred() { ++deferrals; }
Deferred::~Deferred() { --deferrals; }

}  // namespace oa::interrupt
