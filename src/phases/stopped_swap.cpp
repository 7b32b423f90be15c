#include "phases/stopped_swap.h"

#include "error.h"
#include "log.h"
#include "phases/checkpoint.h"
#include "phases/foreign_keys.h"
#include "phases/own_triggers.h"
#include "schema/table_inspector.h"
#include "sql/quote.h"

namespace oa::phases {

std::vector<std::string> undo_stopped_swap(db::Connection& c, const plan::MigrationPlan& plan) {
  std::vector<std::string> done;
  for (const auto& t : return_own_triggers(c, plan)) {
    done.push_back("moved trigger " + sql::qualified_name(plan.database, t) + " back to " +
                   sql::qualified_name(plan.database, plan.table));
  }
  std::vector<sql::ForeignKey> own;
  schema::TableInspector inspector(c);
  if (inspector.table_type(plan.database, plan.names.checkpoint)) {
    try {
      if (auto saved = Checkpoint(plan).read(c)) own = saved->foreign_keys;
    } catch (const Error& e) {
      // Cleanup must go on: the children can still be put back.
      log::warning(std::string("could not read the foreign keys from the checkpoint: ") + e.what());
    }
  }
  for (auto& line : return_foreign_keys(c, plan, own)) {
    log::warning(line + ", where a run stopped during its swap had left it");
    done.push_back(std::move(line));
  }
  return done;
}

}  // namespace oa::phases
