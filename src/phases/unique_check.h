// Phase 3b: before anything is copied, no UNIQUE or PRIMARY key of the new
// table may merge rows the original holds apart.
#pragma once

#include "db/connection.h"
#include "plan/migration_plan.h"
#include "schema/table_info.h"

namespace oa::phases {

// Checks each unique key of the shadow that no unique key of the original
// already guarantees: a new key, one over fewer columns, or one whose
// collation compares more values equal (case, accents, trailing spaces).
// Reads the original once per such key. Throws RefusedError naming the key,
// a duplicated value, how many rows hold it, and the query that lists them
// all. Keys over a column the ALTER adds, or over a prefix of a column, are
// left to the copy, which stops at the first duplicate (plain INSERT).
// Requires plan.has_shadow_details().
void check_new_unique_keys(db::Connection& c, const plan::MigrationPlan& plan,
                           const schema::TableInfo& original, const schema::TableInfo& shadow);

}  // namespace oa::phases
