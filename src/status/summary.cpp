#include "status/summary.h"

#include "error.h"
#include "status/json.h"

namespace oa::status {

const char* outcome_name(int exit_code) {
  switch (static_cast<ExitCode>(exit_code)) {
    case ExitCode::kOk:
      return "success";
    case ExitCode::kUsage:
      return "usage";
    case ExitCode::kConnect:
      return "connect";
    case ExitCode::kRefused:
      return "refused";
    case ExitCode::kMigrationFailed:
      return "failed";
    case ExitCode::kCutoverFailed:
      return "cutover_failed";
    case ExitCode::kCriticalLoad:
      return "critical_load";
    case ExitCode::kCleanupIncomplete:
      return "cleanup_incomplete";
    case ExitCode::kVerificationFailed:
      return "verification_failed";
    case ExitCode::kInterrupted:
      return "interrupted";
    case ExitCode::kInternal:
      break;
  }
  return "internal";
}

std::string summary_json(const StatusSnapshot& s, const RunIdentity& run, int exit_code,
                         const std::string& error) {
  JsonObject out;
  out.add("event", "summary").add("outcome", outcome_name(exit_code)).add("exit_code", exit_code);
  if (!error.empty()) out.add("error", error);
  out.add("database", run.database)
      .add("table", run.table)
      .add("alter", run.alter)
      .add("mode", run.mode)
      .add("seconds", s.elapsed_seconds)
      .add("phases", phase_seconds_json(s))
      .add("rows_copied", s.rows_copied)
      .add("chunks", s.chunks)
      .add("retries", s.retries);
  return out.merge(to_json(s.result)).text();
}

}  // namespace oa::status
