// The one exception hierarchy of the tool. Each error carries the process exit
// status that main() returns for it, so callers never map errors by hand.
#pragma once

#include <stdexcept>
#include <string>

namespace oa {

// Process exit statuses; exit_codes.h names and explains each one.
enum class ExitCode : int {
  kOk = 0,
  kInternal = 1,
  kUsage = 2,
  kConnect = 3,
  kRefused = 4,             // a preflight check failed; nothing was created
  kMigrationFailed = 5,     // failed before the swap; everything created was removed
  kCutoverFailed = 6,       // could not take the cut-over locks; cleaned up
  kCriticalLoad = 7,        // aborted by --critical-load; cleaned up
  kCleanupIncomplete = 8,   // failed, and some created objects could not be removed
  kVerificationFailed = 9,  // the tables differ (before the swap: cleaned up, nothing swapped)
  kInterrupted = 10         // stopped by SIGINT or SIGTERM before the swap; cleaned up or kept
};

class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

class UsageError : public Error {
 public:
  explicit UsageError(const std::string& m) : Error(ExitCode::kUsage, m) {}
};

class RefusedError : public Error {
 public:
  explicit RefusedError(const std::string& m) : Error(ExitCode::kRefused, m) {}
};

}  // namespace oa
