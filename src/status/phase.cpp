#include "status/phase.h"

#include "log.h"

namespace oa::status {

const char* phase_name(Phase phase) {
  switch (phase) {
    case Phase::kStarting:
      return "starting";
    case Phase::kPreflight:
      return "preflight";
    case Phase::kShadow:
      return "shadow";
    case Phase::kTriggers:
      return "triggers";
    case Phase::kCopy:
      return "copy";
    case Phase::kVerify:
      return "verify";
    case Phase::kPostponed:
      return "postponed";
    case Phase::kCutover:
      return "cutover";
    case Phase::kCleanup:
      return "cleanup";
    case Phase::kDone:
      return "done";
  }
  return "unknown";
}

void enter_phase(Phase phase) {
  // No text line: the phases' own log lines already say what happens.
  log::event(log::Level::kInfo, "phase", "", {{"phase", std::string(phase_name(phase))}});
}

}  // namespace oa::status
