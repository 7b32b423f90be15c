// The plans behind --revertible and `revert`. After a revertible swap the
// old table stays as _T_old, and a second set of capture triggers on T logs
// every changed key for it. A revert is then a migration from T back into
// _T_old whose copy is already done: apply the log, verify, swap.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "plan/migration_plan.h"
#include "schema/table_info.h"

namespace oa::plan {

// (column of the table before the swap, column of the table after it), for
// every column the swap carried over: what a revert maps back.
using ColumnPairs = std::vector<std::pair<std::string, std::string>>;

// The pairs `plan` maps (plan.mapping required).
ColumnPairs carried_columns(const MigrationPlan& plan);

// The capture set that keeps the table `plan` replaces following the one
// that replaces it: created on plan's shadow while the swap holds T, logging
// the shadow's row key, with the names of the set `plan` does not use.
MigrationPlan way_back_capture(const MigrationPlan& plan);

// A revert of `current` (T now) into `kept` (_T_old), mapping `pairs` back.
// `other_set`: T carries the second capture set (T_oa_r*). The plan's
// shadow is _T_old, which must be renamed to names.shadow before the swap
// (see revert_command.cpp). A column only `kept` has keeps its values in
// the rows nobody changed and gets its default in rows changed since.
MigrationPlan revert_plan(const schema::TableInfo& current, const schema::TableInfo& kept,
                          const ColumnPairs& pairs, bool other_set);

}  // namespace oa::plan
