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
  const std::string table = sql::qualified_name(plan.database, plan.table);
  for (const auto& t : return_own_triggers(c, plan)) {
    done.push_back("moved trigger " + sql::qualified_name(plan.database, t) + " back to " + table);
  }
  std::optional<SavedCheckpoint> saved;
  if (schema::TableInspector(c).table_type(plan.database, plan.names.checkpoint)) {
    try {
      saved = Checkpoint(plan).read(c);
    } catch (const Error& e) {
      // Cleanup must go on: the children can still be put back.
      log::warning(std::string("could not read the checkpoint: ") + e.what());
    }
  }
  if (saved && saved->swap_begun) {
    for (const auto& t : restore_own_triggers(c, plan, saved->own_triggers)) {
      done.push_back("created trigger " + sql::qualified_name(plan.database, t) + " again on " +
                     table);
    }
  }
  const std::vector<sql::ForeignKey> own =
      saved ? saved->foreign_keys : std::vector<sql::ForeignKey>{};
  for (auto& line : return_foreign_keys(c, plan, own)) {
    log::warning(line + ", where a run stopped during its swap had left it");
    done.push_back(std::move(line));
  }
  return done;
}

}  // namespace oa::phases
