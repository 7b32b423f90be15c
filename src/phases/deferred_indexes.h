// The shadow's plain secondary indexes are built after the copy, not row by
// row during it.
#pragma once

#include <vector>

#include "db/connection.h"
#include "plan/migration_plan.h"
#include "sql/index_definitions.h"

namespace oa::phases {

// Drops the empty shadow's non-unique B-tree indexes, except the one changed
// rows are found by (plan.row_key), and returns their definitions. Requires
// plan.has_shadow_details().
std::vector<sql::IndexDefinition> defer_secondary_indexes(db::Connection& c,
                                                          const plan::MigrationPlan& plan);

// Adds the indexes back to the filled shadow in one online ALTER.
void build_deferred_indexes(db::Connection& c, const plan::MigrationPlan& plan,
                            const std::vector<sql::IndexDefinition>& indexes);

}  // namespace oa::phases
