// The phases of a run, in the order a migration passes them, as the log,
// the status line and the summary name them.
#pragma once

#include <string>

namespace oa::status {

enum class Phase {
  kStarting,   // connecting
  kPreflight,  // checks; nothing created yet
  kShadow,     // creating and altering the shadow table
  kTriggers,   // installing the capture triggers
  kCopy,       // copying rows in chunks
  kVerify,     // comparing checksums, building deferred indexes
  kPostponed,  // waiting for the postpone file to go
  kCutover,    // the swap
  kCleanup,    // removing what the run created, after the swap or on failure
  kDone
};

// "starting", "preflight", "shadow", "triggers", "copy", "verify",
// "postponed", "cutover", "cleanup", "done".
const char* phase_name(Phase phase);

// Logs a "phase" event: the status board and every JSON reader see the run
// enter `phase`.
void enter_phase(Phase phase);

}  // namespace oa::status
