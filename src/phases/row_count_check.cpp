#include "phases/row_count_check.h"

#include "error.h"
#include "log.h"
#include "sql/quote.h"

namespace oa::phases {

void check_row_counts(ServerAccess& server, const plan::MigrationPlan& plan) {
  db::Connection& c = server.main();
  const std::string original = sql::qualified_name(plan.database, plan.table);
  const std::string shadow = sql::qualified_name(plan.database, plan.names.shadow);
  // REPEATABLE READ for this one transaction: its snapshot covers both tables.
  c.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
  c.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
  std::string original_rows, shadow_rows;
  try {
    original_rows = c.query_value("SELECT COUNT(*) FROM " + original).value_or("0");
    shadow_rows = c.query_value("SELECT COUNT(*) FROM " + shadow).value_or("0");
  } catch (...) {
    c.execute("ROLLBACK");
    throw;
  }
  c.execute("COMMIT");
  if (original_rows != shadow_rows) {
    throw Error(ExitCode::kMigrationFailed,
                "row count check failed: " + original + " has " + original_rows +
                    " rows but the new table " + shadow_rows +
                    ". The ALTER merges or drops rows (a new UNIQUE key over duplicate values, "
                    "or a collation under which distinct keys are equal). Nothing was swapped; "
                    "remove the duplicates or change the ALTER");
  }
  log::info("row count check passed: " + original_rows + " rows in both tables");
}

}  // namespace oa::phases
