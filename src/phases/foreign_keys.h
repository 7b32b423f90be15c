// Foreign keys across the swap. The shadow gets no constraint while it lags
// behind T: a row the application has deleted from T but the shadow still
// holds would make the parent's DELETE fail. So T's own constraints move to
// the shadow, and the children's are pointed at it, only under the cut-over's
// lock, when the shadow equals T; the RENAME then takes them to the new T.
#pragma once

#include <string>
#include <vector>

#include "db/connection.h"
#include "plan/migration_plan.h"
#include "sql/foreign_keys.h"

namespace oa::phases {

// For a session holding LOCK TABLES on T, the shadow and every child table:
// drops T's constraints, adds them to the shadow under the same names, and
// points each child's constraint at the shadow (its name toggled, see
// sql::toggled_name). Throws DbError; return_foreign_keys() undoes a part done.
void move_foreign_keys_to_shadow(db::Connection& c, const plan::MigrationPlan& plan);

// Undoes move_foreign_keys_to_shadow() wherever it stopped: children pointing
// at the shadow are pointed at T, the constraints of `own` (T's, with T's
// column names) are dropped from the shadow and added to T where T lacks
// them. Returns what it did, one line each; empty when nothing was out of
// place. `plan` needs only its names. Throws DbError.
std::vector<std::string> return_foreign_keys(db::Connection& c, const plan::MigrationPlan& plan,
                                             const std::vector<sql::ForeignKey>& own);

// After the swap: for every child constraint, the rows that reference no row
// of the new table (0 is expected: the shadow equalled T under the lock).
// Logs each count; returns the constraints with orphans.
std::vector<std::string> check_child_constraints(db::Connection& c,
                                                 const plan::MigrationPlan& plan);

}  // namespace oa::phases
