#include "preflight/checks.h"
#include "sql/quote.h"

namespace oa::preflight {

// Existing triggers would follow the original table to _T_old at the swap and
// be dropped with it: the application would silently lose them.
CheckResult check_no_triggers(const schema::TableInfo& table) {
  if (table.triggers.empty()) return std::nullopt;
  return "table " + sql::qualified_name(table.database, table.name) + " has triggers (" +
         sql::quoted_list(table.triggers) +
         "); they would not carry over to the new table. Drop them before and recreate them "
         "after the migration";
}

}  // namespace oa::preflight
