// The control socket's language: one command per line, one JSON reply per
// line. status | pause | resume | chunk-time=SECONDS | max-load=VAR=N[,VAR=N]
// | cutover | abort | help.
#pragma once

#include <string>

#include "control/run_controls.h"
#include "status/status_board.h"

namespace oa::control {

// Carries out `line` (surrounding blanks ignored) and returns the reply,
// without a newline: the status object for "status" ({"ok":true,
// "phase":...}), {"ok":true,"message":...} for a command done, or
// {"ok":false,"error":...} naming what is wrong. "abort" asks the run to
// stop at its next safe point, as SIGTERM does. Never throws.
std::string handle_command(const std::string& line, RunControls& controls,
                           const status::StatusBoard& board);

}  // namespace oa::control
