// Another session's DDL on T during the run: an ALTER whose change the copy
// does not carry, a trigger created, changed or dropped. The swap would
// throw it away without a word, so T is compared with what it was when the
// run began, once the copy has finished and again under the swap's lock, and
// the run stops on any difference.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"
#include "plan/migration_plan.h"
#include "schema/table_info.h"

namespace oa::phases {

struct TableState {
  std::string definition;  // SHOW CREATE TABLE without the AUTO_INCREMENT counter
  std::vector<schema::Trigger> own_triggers;  // in the order they fire; not the tool's
};

// T as it is now.
TableState table_state(db::Connection& c, const plan::MigrationPlan& plan);

// What changed from `then` to `now`, in words: the first line of the
// definition that differs, or the triggers created, dropped or changed.
// nullopt when nothing did.
std::optional<std::string> table_change(const TableState& then, const TableState& now);

// Throws Error(ExitCode::kMigrationFailed) naming the change when T is no
// longer as `then`.
void check_table_unchanged(db::Connection& c, const plan::MigrationPlan& plan,
                           const TableState& then);

}  // namespace oa::phases
