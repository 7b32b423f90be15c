#include "preflight/checks.h"

namespace oa::preflight {

CheckResult check_alter_text(const sql::AlterText& alter) {
  if (alter.unterminated) {
    return "the --alter text has a quote or comment that never closes; check its quoting";
  }
  if (alter.empty)
    return "the --alter text is empty; give the clauses to apply, e.g. ADD COLUMN c INT";
  if (alter.starts_with_alter) {
    return "--alter takes only the clauses that follow ALTER TABLE t (e.g. \"ADD COLUMN c INT\"), "
           "not a whole ALTER TABLE statement";
  }
  if (alter.has_separator) {
    return "the --alter text contains ';': give one clause list, separated by commas";
  }
  if (alter.renames_table) {
    return "the ALTER renames the table (RENAME TO); an online migration keeps the table's name. "
           "Run the migration without RENAME, then RENAME TABLE separately";
  }
  return std::nullopt;
}

}  // namespace oa::preflight
