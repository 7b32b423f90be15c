#include "sql/triggers.h"

#include "sql/quote.h"

namespace oa::sql {
namespace {

std::string header(const TriggerSpec& s, const std::string& name, const char* event) {
  return "CREATE TRIGGER " + qualified_name(s.db, name) + " AFTER " + event + " ON " +
         qualified_name(s.db, s.table) + " FOR EACH ROW ";
}

// REPLACE rather than INSERT: the copy may already have put an older version
// of the row there, and the trigger's version is always the newer one.
std::string replace_new_row(const TriggerSpec& s) {
  return "REPLACE INTO " + qualified_name(s.db, s.shadow) + " (" + quoted_list(s.target_columns) +
         ") VALUES (" + quoted_list(s.source_columns, "NEW") + ")";
}

std::string delete_old_key(const TriggerSpec& s) {
  std::string where;
  for (std::size_t i = 0; i < s.key_target.size(); ++i) {
    if (i > 0) where += " AND ";
    where += quote_identifier(s.key_target[i]) + " <=> OLD." + quote_identifier(s.key_source[i]);
  }
  return "DELETE FROM " + qualified_name(s.db, s.shadow) + " WHERE " + where;
}

std::string key_changed(const TriggerSpec& s) {
  std::string same;
  for (std::size_t i = 0; i < s.key_source.size(); ++i) {
    if (i > 0) same += " AND ";
    const std::string col = quote_identifier(s.key_source[i]);
    // A change the collation calls equal (case, trailing spaces) needs no
    // delete: the REPLACE that follows overwrites the row under either spelling.
    same += "OLD." + col + " <=> NEW." + col;
  }
  return "NOT (" + same + ")";
}

}  // namespace

std::string create_insert_trigger(const TriggerSpec& s) {
  return header(s, s.insert_trigger, "INSERT") + replace_new_row(s);
}

std::string create_update_trigger(const TriggerSpec& s) {
  return header(s, s.update_trigger, "UPDATE") + "BEGIN IF " + key_changed(s) + " THEN " +
         delete_old_key(s) + "; END IF; " + replace_new_row(s) + "; END";
}

std::string create_delete_trigger(const TriggerSpec& s) {
  return header(s, s.delete_trigger, "DELETE") + delete_old_key(s);
}

}  // namespace oa::sql
