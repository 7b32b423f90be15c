#include "phases/row_count_check.h"

#include "error.h"
#include "log.h"
#include "sql/quote.h"

namespace oa::phases {

void check_row_counts(ServerAccess& server, const plan::MigrationPlan& plan,
                      const ChangeApplier& applier) {
  db::Connection& c = server.main();
  const sql::ChangeLogSpec& spec = applier.spec();
  const std::string original = sql::qualified_name(plan.database, plan.table);
  const std::string shadow = sql::qualified_name(plan.database, plan.names.shadow);
  // One snapshot covers all three tables.
  std::uint64_t original_rows = 0, shadow_rows = 0, pending = 0;
  c.in_snapshot([&] {
    original_rows = c.query_number("SELECT COUNT(*) FROM " + original);
    shadow_rows = c.query_number("SELECT COUNT(*) FROM " + shadow);
    pending = c.query_number(sql::count_logged(spec));
    if (pending > 0) {
      original_rows -= c.query_number(sql::count_changed_in_table(spec));
      shadow_rows -= c.query_number(sql::count_changed_in_shadow(spec));
    }
  });
  if (original_rows != shadow_rows) {
    throw Error(ExitCode::kMigrationFailed,
                "row count check failed: " + original + " has " + std::to_string(original_rows) +
                    " rows but the new table " + std::to_string(shadow_rows) +
                    " (not counting the " + std::to_string(pending) +
                    " changes still to apply). The ALTER merges or drops rows (a new UNIQUE key "
                    "over duplicate values, or a collation under which distinct keys are equal). "
                    "Nothing was swapped; remove the duplicates or change the ALTER");
  }
  log::info("row count check passed: " + std::to_string(original_rows) +
            " rows in both tables, besides " + std::to_string(pending) +
            " logged changes still to apply");
}

}  // namespace oa::phases
