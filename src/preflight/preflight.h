// Runs every preflight check in order, before anything is created.
#pragma once

#include <string>

#include "schema/table_info.h"
#include "schema/table_inspector.h"
#include "sql/alter_text.h"

namespace oa::preflight {

// Returns the inspected original table when every check passes; throws
// RefusedError with the first refusal otherwise. `resuming`: the objects a
// stopped run left (its triggers, shadow, log, checkpoint) are expected.
// `allow_on_replica`: a read_only or replicating server is not refused.
schema::TableInfo run_preflight(schema::TableInspector& inspector, const std::string& database,
                                const std::string& table, const sql::AlterText& alter,
                                bool resuming = false, bool allow_on_replica = false);

}  // namespace oa::preflight
