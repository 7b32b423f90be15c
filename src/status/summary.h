// The one JSON object that ends a run in --log-format json: its outcome and
// exit status, the time each phase took, and what it did.
#pragma once

#include <string>

#include "status/status_board.h"

namespace oa::status {

struct RunIdentity {
  std::string database;
  std::string table;
  std::string alter;
  std::string mode;  // "execute", "dry-run" or "plan"
};

// The exit status's name in exit_code_table() ("ok", "refused", ...), or
// "internal" for one it does not know.
const char* outcome_name(int exit_code);

// {"time", "event":"summary", "outcome", "exit_code", "error" (when
// `error` is not empty), "database", "table", "alter", "mode", "seconds",
// "phases": {name: seconds}, "rows_copied", "chunks", "retries", the fields
// of the run's "result" event, "output" (what the text format prints on
// stdout, when there is any)}. On one line, without a newline.
std::string summary_json(const StatusSnapshot& s, const RunIdentity& run, int exit_code,
                         const std::string& error);

}  // namespace oa::status
