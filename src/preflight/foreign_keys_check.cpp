#include "preflight/checks.h"
#include "sql/quote.h"

namespace oa::preflight {

// CREATE TABLE ... LIKE does not copy foreign keys, and a child's constraint
// follows the original table to _T_old at the swap; cascades fire no triggers.
CheckResult check_no_foreign_keys(const schema::TableInfo& table) {
  const std::string name = sql::qualified_name(table.database, table.name);
  if (!table.foreign_keys.empty()) {
    return "table " + name + " has foreign keys (" + sql::quoted_list(table.foreign_keys) +
           "), which the swap would lose; tables with foreign keys are not supported yet";
  }
  if (!table.referenced_by.empty()) {
    std::string children;
    for (const auto& c : table.referenced_by) children += (children.empty() ? "" : ", ") + c;
    return "table " + name + " is referenced by foreign keys of " + children +
           "; their constraints would follow the old table at the swap. Not supported yet";
  }
  return std::nullopt;
}

}  // namespace oa::preflight
