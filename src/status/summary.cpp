#include "status/summary.h"

#include "exit_codes.h"
#include "status/json.h"

namespace oa::status {

const char* outcome_name(int exit_code) {
  for (const auto& row : exit_code_table()) {
    if (static_cast<int>(row.code) == exit_code) return row.name;
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
  out.merge(to_json(s.result));
  if (!s.output.empty()) out.add("output", s.output);
  return out.text();
}

}  // namespace oa::status
