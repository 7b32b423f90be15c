#include "preflight/checks.h"
#include "sql/quote.h"

namespace oa::preflight {
namespace {

std::string describe(const sql::ForeignKey& key) {
  return sql::quote_identifier(key.name) + " of " + sql::qualified_name(key.database, key.table);
}

}  // namespace

// Why some constraints are refused: the server applies a parent's CASCADE or
// SET NULL to the child without firing the child's triggers, so the capture
// never sees those changes; and a constraint referencing the table itself
// would reference the original from the shadow.
CheckResult check_foreign_keys(const schema::TableInfo& table, bool rebuild_child_constraints) {
  const std::string name = sql::qualified_name(table.database, table.name);
  for (const auto& key : table.foreign_keys) {
    if (key.referenced_database == table.database && key.referenced_table == table.name) {
      return "the foreign key " + describe(key) +
             " references the table itself; such a table cannot be migrated online. Use the "
             "server's ALTER TABLE";
    }
    if (key.changes_child()) {
      return "the foreign key " + describe(key) + " has ON DELETE " + key.delete_rule +
             " ON UPDATE " + key.update_rule + ": the server changes rows of " + name +
             " for it without firing triggers, so the new table would miss those changes. "
             "Change the constraint to RESTRICT first, or use the server's ALTER TABLE";
    }
  }
  if (!table.referenced_by.empty() && !rebuild_child_constraints) {
    std::string children;
    for (const auto& key : table.referenced_by) {
      children += (children.empty() ? "" : ", ") + describe(key);
    }
    return "table " + name + " is referenced by the foreign keys " + children +
           "; at the swap they would follow the old table. Add --alter-foreign-keys-method "
           "rebuild_constraints to point them at the new table during the swap (one in-place "
           "ALTER TABLE of each child under the cut-over's lock; such a constraint gets its "
           "name with a leading underscore added or removed)";
  }
  return std::nullopt;
}

}  // namespace oa::preflight
