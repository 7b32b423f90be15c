// The shadow's plain secondary indexes are built after the copy, not row by
// row during it.
#pragma once

#include <vector>

#include "db/connection.h"
#include "plan/migration_plan.h"
#include "sql/index_definitions.h"

namespace oa::phases {

// The empty shadow's non-unique B-tree indexes, except the one changed rows
// are found by (plan.row_key). Requires plan.has_shadow_details().
std::vector<sql::IndexDefinition> deferrable_indexes(db::Connection& c,
                                                     const plan::MigrationPlan& plan);

// Drops those of `indexes` the shadow still has (a resumed run may find some
// gone already).
void drop_deferred_indexes(db::Connection& c, const plan::MigrationPlan& plan,
                           const std::vector<sql::IndexDefinition>& indexes);

// Adds those of `indexes` the shadow lacks, in one online ALTER.
void build_deferred_indexes(db::Connection& c, const plan::MigrationPlan& plan,
                            const std::vector<sql::IndexDefinition>& indexes);

}  // namespace oa::phases
