#include "preflight/checks.h"
#include "sql/quote.h"

namespace oa::preflight {

// The capture triggers are correct only when their write commits in the same
// transaction as the application's: that needs a transactional engine.
CheckResult check_engine(const schema::TableInfo& table) {
  if (table.engine == "InnoDB") return std::nullopt;
  return "table " + sql::qualified_name(table.database, table.name) + " uses the " + table.engine +
         " engine; online migration needs InnoDB, whose transactions keep the triggers' copy "
         "exact. Convert it first (ALTER TABLE ... ENGINE=InnoDB) or use the server's ALTER";
}

}  // namespace oa::preflight
