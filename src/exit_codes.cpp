#include "exit_codes.h"

#include <sstream>

namespace oa {
namespace {

// Exit statuses are 0..255; each is looked up in the switch below.
constexpr int kExitStatusCount = 256;

// A switch without a default: -Wswitch (an error here) names any enumerator
// of ExitCode that has no row, so the table cannot fall behind the enum.
ExitCodeInfo describe(ExitCode code) {
  switch (code) {
    case ExitCode::kOk:
      return {code, "ok", "success: migrated, dry run passed, plan printed, or tables equal"};
    case ExitCode::kInternal:
      return {code, "internal", "internal error"};
    case ExitCode::kUsage:
      return {code, "usage", "usage error: an unknown option or a bad value"};
    case ExitCode::kConnect:
      return {code, "connect", "cannot connect to the server"};
    case ExitCode::kRefused:
      return {code, "refused", "refused by a preflight check; nothing was created"};
    case ExitCode::kMigrationFailed:
      return {code, "migration-failed", "failed before the swap; everything created was removed"};
    case ExitCode::kCutoverFailed:
      return {code, "cutover-failed",
              "the cut-over could not get its locks within --cutover-retries; cleaned up"};
    case ExitCode::kCriticalLoad:
      return {code, "critical-load", "aborted above --critical-load; cleaned up"};
    case ExitCode::kCleanupIncomplete:
      return {code, "cleanup-incomplete",
              "some created objects could not be removed; standard error lists them"};
    case ExitCode::kVerificationFailed:
      return {code, "verification-failed",
              "the tables differ (before the swap: cleaned up, nothing swapped)"};
    case ExitCode::kInterrupted:
      return {code, "interrupted",
              "stopped by SIGINT or SIGTERM before the swap; cleaned up or kept for --resume"};
  }
  return {code, nullptr, nullptr};
}

std::vector<ExitCodeInfo> build_table() {
  std::vector<ExitCodeInfo> table;
  for (int status = 0; status < kExitStatusCount; ++status) {
    const ExitCodeInfo info = describe(static_cast<ExitCode>(status));
    if (info.name != nullptr) table.push_back(info);
  }
  return table;
}

}  // namespace

const std::vector<ExitCodeInfo>& exit_code_table() {
  static const std::vector<ExitCodeInfo> table = build_table();
  return table;
}

std::string exit_status_help() {
  std::ostringstream text;
  text << "Exit status:\n";
  for (const ExitCodeInfo& info : exit_code_table()) {
    text << "  " << (static_cast<int>(info.code) < 10 ? " " : "") << static_cast<int>(info.code)
         << "  " << info.name << ": " << info.meaning << "\n";
  }
  return text.str();
}

}  // namespace oa
