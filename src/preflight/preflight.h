// Runs every preflight check in order, before anything is created.
#pragma once

#include <string>

#include "schema/table_info.h"
#include "schema/table_inspector.h"
#include "sql/alter_text.h"

namespace oa::preflight {

// What the user allowed beyond the default checks.
struct PreflightSettings {
  // The objects a stopped run left (its triggers, shadow, log, checkpoint) are expected.
  bool resuming = false;
  // A read_only or replicating server is not refused.
  bool allow_on_replica = false;
  // Other tables' foreign keys may reference the table (they are moved at the swap).
  bool rebuild_child_constraints = false;
  // The run will change the table (--execute), not only plan or dry-run.
  bool executing = false;
};

// Returns the inspected original table when every check passes; throws
// RefusedError with the first refusal otherwise.
schema::TableInfo run_preflight(schema::TableInspector& inspector, const std::string& database,
                                const std::string& table, const sql::AlterText& alter,
                                const PreflightSettings& settings);

}  // namespace oa::preflight
