#include "sql/queries.h"

#include "sql/quote.h"

namespace oa::sql {

std::string show_create_table(const std::string& db, const std::string& table) {
  return "SHOW CREATE TABLE " + qualified_name(db, table);
}

std::string count_rows(const std::string& db, const std::string& table) {
  return "SELECT COUNT(*) FROM " + qualified_name(db, table);
}

std::string get_lock() { return "SELECT GET_LOCK(?, 0)"; }

std::string lock_held_here() { return "SELECT IS_USED_LOCK(?) = CONNECTION_ID()"; }

std::string lock_holder() {
  return "SELECT p.ID, p.USER, p.HOST, p.TIME FROM information_schema.PROCESSLIST AS p "
         "WHERE p.ID = IS_USED_LOCK(?)";
}

std::string trigger_definition() {
  return "SELECT EVENT_OBJECT_TABLE, EVENT_MANIPULATION, ACTION_TIMING, ACTION_STATEMENT "
         "FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? AND TRIGGER_NAME = ?";
}

}  // namespace oa::sql
