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
  if (alter.changes_foreign_keys) {
    return "the ALTER adds or drops a foreign key; run that as its own ALTER TABLE (with "
           "foreign_key_checks=0 the server adds or drops a foreign key in place, without "
           "copying the table), and the other clauses with online-alter";
  }
  return std::nullopt;
}

}  // namespace oa::preflight
