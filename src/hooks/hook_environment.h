// What a hook learns about the run: its environment. Pure functions.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "status/status_board.h"
#include "status/summary.h"

namespace oa::hooks {

using Variables = std::vector<std::pair<std::string, std::string>>;

// How a finished run ended, for the success and failure hooks.
struct RunEnd {
  int exit_code = 0;
  std::string error;  // empty on success
};

// OA_HOOK_EVENT, OA_DATABASE, OA_TABLE, OA_ALTER, OA_MODE, OA_PHASE,
// OA_ROWS_COPIED, OA_ESTIMATED_ROWS, OA_CHUNKS, OA_ELAPSED_SECONDS, and with
// `end` also OA_EXIT_CODE, OA_OUTCOME (the exit status's name) and OA_ERROR.
Variables hook_variables(const std::string& event, const status::RunIdentity& run,
                         const status::StatusSnapshot& now, const std::optional<RunEnd>& end);

// The hook's whole environment: `inherited` ("NAME=value" entries) without
// MYSQL_PWD, without any entry that carries `password` (see the .cpp), and
// without entries `variables` replaces; then `variables`.
std::vector<std::string> hook_environment(const std::vector<std::string>& inherited,
                                          const Variables& variables, const std::string& password);

// This process's environment as "NAME=value" entries.
std::vector<std::string> current_environment();

}  // namespace oa::hooks
