// What --revertible adds to a migration: its refusals, the text the plan
// prints about the way back, and the window opened after the swap.
#pragma once

#include <string>

#include "db/connection.h"
#include "plan/migration_plan.h"
#include "schema/table_info.h"

namespace oa::revert {

// Throws RefusedError when the way back cannot be kept for this migration:
// foreign keys either way (moving them back at a revert is not supported),
// or a new table whose primary key is not the key the rows are found by.
void check_revertible(const plan::MigrationPlan& plan, const schema::TableInfo& shadow);

// The plan's part about the way back: what is kept, the revert and finalize
// commands, and the SQL they run. `original` and `shadow` as inspected;
// `window_seconds`: --revert-window.
std::string way_back_text(const plan::MigrationPlan& plan, const schema::TableInfo& original,
                          const schema::TableInfo& shadow, double window_seconds);

// "24h", "90m", "45s": a window's length for messages.
std::string duration_text(double seconds);

}  // namespace oa::revert
