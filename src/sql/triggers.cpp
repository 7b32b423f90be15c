#include "sql/triggers.h"

#include "sql/quote.h"

namespace oa::sql {
namespace {

// A write to T must never fail because of the tool: when the log is gone
// (dropped by hand while the tool was not running), the trigger does nothing.
// A resumed run refuses without the log, so no change is silently lost.
constexpr const char* kIgnoreMissingLog = "DECLARE CONTINUE HANDLER FOR 1146 BEGIN END; ";

std::string log_key(const TriggerSpec& s, const char* row) {
  return "INSERT INTO " + qualified_name(s.db, s.change_log) + " (" + quoted_list(s.key_columns) +
         ") VALUES (" + quoted_list(s.key_columns, row) + ")";
}

std::string key_changed(const TriggerSpec& s) {
  std::string same;
  for (std::size_t i = 0; i < s.key_columns.size(); ++i) {
    if (i > 0) same += " AND ";
    const std::string col = quote_identifier(s.key_columns[i]);
    // Where both tables collate the key alike, a change the collation calls
    // equal (case, trailing spaces) needs no second entry: the new key finds
    // the shadow's row under either spelling.
    const bool bytes = i < s.spelling_matters.size() && s.spelling_matters[i];
    same += bytes ? "CAST(OLD." + col + " AS BINARY) <=> CAST(NEW." + col + " AS BINARY)"
                  : "OLD." + col + " <=> NEW." + col;
  }
  return "NOT (" + same + ")";
}

}  // namespace

std::vector<CaptureTrigger> capture_triggers(const TriggerSpec& s) {
  const std::string begin = std::string("BEGIN ") + kIgnoreMissingLog;
  return {
      {s.insert_trigger, "INSERT", begin + log_key(s, "NEW") + "; END", s.first_after_insert},
      {s.update_trigger, "UPDATE",
       begin + "IF " + key_changed(s) + " THEN " + log_key(s, "OLD") + "; END IF; " +
           log_key(s, "NEW") + "; END",
       s.first_after_update},
      {s.delete_trigger, "DELETE", begin + log_key(s, "OLD") + "; END", s.first_after_delete},
  };
}

std::string create_trigger(const TriggerSpec& s, const CaptureTrigger& t) {
  const std::string order =
      t.precedes.empty() ? "" : "PRECEDES " + quote_identifier(t.precedes) + " ";
  return "CREATE TRIGGER " + qualified_name(s.db, t.name) + " AFTER " + t.event + " ON " +
         qualified_name(s.db, s.table) + " FOR EACH ROW " + order + t.body;
}

std::string create_own_trigger(const std::string& db, const std::string& table,
                               const OwnTrigger& t) {
  // The host part never holds '@'; a user name may.
  const auto at = t.definer.rfind('@');
  const std::string definer = at == std::string::npos
                                  ? quote_identifier(t.definer)
                                  : quote_identifier(t.definer.substr(0, at)) + "@" +
                                        quote_identifier(t.definer.substr(at + 1));
  return "CREATE DEFINER=" + definer + " TRIGGER " + qualified_name(db, t.name) + " " + t.timing +
         " " + t.event + " ON " + qualified_name(db, table) + " FOR EACH ROW " + t.body;
}

}  // namespace oa::sql
