// A lexical look at the user's --alter text: enough to refuse what must never
// reach the server as a shadow-table ALTER, without parsing SQL in full.
#pragma once

#include <string>
#include <string_view>

namespace oa::sql {

struct AlterText {
  std::string clauses;         // the text with surrounding blanks and one trailing ';' removed
  bool empty = false;          // nothing but blanks and comments
  bool renames_table = false;  // RENAME [TO|AS] x at the top level (not RENAME COLUMN/INDEX/KEY)
  bool changes_foreign_keys = false;  // FOREIGN KEY or REFERENCES anywhere
  bool has_separator = false;         // a ';' outside quotes: more than one statement
  bool starts_with_alter = false;     // the user wrote "ALTER TABLE t ..." instead of the clauses
  bool unterminated = false;          // a quote or comment that never closes
};

// Scans `text` (the clause list that follows ALTER TABLE t). Pure; never throws.
// Version comments (/*! ... */, /*M! ... */) are read as code, as the server does.
AlterText scan_alter_text(std::string_view text);

}  // namespace oa::sql
