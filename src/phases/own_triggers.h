// The table's own triggers at the swap: the RENAME would take them along to
// _T_old, so they are moved to the shadow while T is locked, just before it.
#pragma once

#include <string>
#include <vector>

#include "db/connection.h"
#include "plan/migration_plan.h"

namespace oa::phases {

// Drops plan.user_triggers (trigger names are unique in a schema, so
// wherever they are) and creates them on table `to`, in the order they fire,
// each with its definer and the sql_mode it was created under (the session's
// own sql_mode is put back afterwards). For a session holding LOCK TABLES on
// both tables: no write runs meanwhile, so none misses a trigger. Throws
// DbError.
void move_own_triggers(db::Connection& c, const plan::MigrationPlan& plan, const std::string& to);

// A run stopped in the middle of a swap can leave the table's own triggers
// on the shadow. Moves any trigger the shadow has back to T and returns
// their names (empty when there were none); drops the tool's own capture
// triggers found there instead. `plan` needs only its names.
std::vector<std::string> return_own_triggers(db::Connection& c, const plan::MigrationPlan& plan);

// A run stopped between dropping the table's own triggers from T and
// creating them on the shadow leaves them nowhere. When any of `saved` (as
// the checkpoint holds them) exists nowhere in the schema, creates all of
// them on T again, in their order, and returns the names that were missing.
std::vector<std::string> restore_own_triggers(db::Connection& c, const plan::MigrationPlan& plan,
                                              const std::vector<schema::Trigger>& saved);

}  // namespace oa::phases
