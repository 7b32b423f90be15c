#include "sql/triggers.h"

#include "sql/quote.h"

namespace oa::sql {
namespace {

std::string header(const TriggerSpec& s, const std::string& name, const char* event) {
  return "CREATE TRIGGER " + qualified_name(s.db, name) + " AFTER " + event + " ON " +
         qualified_name(s.db, s.table) + " FOR EACH ROW ";
}

std::string log_key(const TriggerSpec& s, const char* row) {
  return "INSERT INTO " + qualified_name(s.db, s.change_log) + " (" + quoted_list(s.key_columns) +
         ") VALUES (" + quoted_list(s.key_columns, row) + ")";
}

std::string key_changed(const TriggerSpec& s) {
  std::string same;
  for (std::size_t i = 0; i < s.key_columns.size(); ++i) {
    if (i > 0) same += " AND ";
    const std::string col = quote_identifier(s.key_columns[i]);
    // A change the collation calls equal (case, trailing spaces) needs no
    // second entry: the new key finds the shadow's row under either spelling.
    same += "OLD." + col + " <=> NEW." + col;
  }
  return "NOT (" + same + ")";
}

}  // namespace

std::string create_insert_trigger(const TriggerSpec& s) {
  return header(s, s.insert_trigger, "INSERT") + log_key(s, "NEW");
}

std::string create_update_trigger(const TriggerSpec& s) {
  return header(s, s.update_trigger, "UPDATE") + "BEGIN IF " + key_changed(s) + " THEN " +
         log_key(s, "OLD") + "; END IF; " + log_key(s, "NEW") + "; END";
}

std::string create_delete_trigger(const TriggerSpec& s) {
  return header(s, s.delete_trigger, "DELETE") + log_key(s, "OLD");
}

}  // namespace oa::sql
