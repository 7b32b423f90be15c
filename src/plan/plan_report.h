// The plan as a person reads it: what will be created, copied and swapped, and
// every statement in the order --execute runs it.
#pragma once

#include <string>
#include <vector>

#include "plan/migration_plan.h"

namespace oa::plan {

struct ReportSettings {
  unsigned lock_wait_timeout = 2;
  unsigned cutover_retries = 10;
  // The replicas watched ("host:port (found by ...)"), and their lag limit.
  std::vector<std::string> replicas;
  double max_lag = 1;
};

// Renders the plan. Without shadow details (no --dry-run), the trigger and copy
// statements are described rather than printed, since they depend on the
// columns the ALTER produces.
std::string render_plan(const MigrationPlan& plan, const ReportSettings& settings);

}  // namespace oa::plan
