// What a swap cut off by a crash or a lost connection can leave out of
// place: the table's own triggers on the shadow, T's foreign keys on the
// shadow or nowhere, children's foreign keys pointing at the shadow.
#pragma once

#include <string>
#include <vector>

#include "db/connection.h"
#include "plan/migration_plan.h"

namespace oa::phases {

// Puts all of it back on T; the foreign keys T must have are read from the
// checkpoint, when there is one. Returns one line per thing moved (empty
// when nothing was out of place). `plan` needs only its names. Throws DbError.
std::vector<std::string> undo_stopped_swap(db::Connection& c, const plan::MigrationPlan& plan);

}  // namespace oa::phases
