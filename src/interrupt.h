// SIGINT and SIGTERM: the first asks the run to stop at its next safe point,
// where it removes what it created (or keeps it for --resume); a second one
// ends the process at once, which leaves the original table as it is, since
// every change to it is a single atomic statement.
#pragma once

namespace oa::interrupt {

// Installs the handlers. Call once, before any thread starts.
void install();

// Asks the run to stop at its next safe point as a first signal does (the
// control socket's abort). Safe from any thread.
void request_stop();

// At a safe point: throws Error(ExitCode::kInterrupted) naming the signal
// and `where` when one arrived.
void check(const char* where);

// Whether check() would throw now: for a wait that cannot call check()
// itself, such as a hook's process.
bool requested();

// While one exists, the first signal is only noted and check() does not throw:
// around the swap, which must either happen whole or not be tried.
class Deferred {
 public:
  Deferred();
  ~Deferred();
  Deferred(const Deferred&) = delete;
  Deferred& operator=(const Deferred&) = delete;
};

}  // namespace oa::interrupt
