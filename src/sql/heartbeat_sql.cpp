#include "sql/heartbeat_sql.h"

#include "sql/quote.h"

namespace oa::sql {

std::string create_heartbeat(const std::string& db, const std::string& table) {
  // InnoDB and a primary key: the row must replicate as a row event on any
  // binlog format, and clusters refuse tables without a key.
  return "CREATE TABLE " + qualified_name(db, table) +
         " (id TINYINT UNSIGNED NOT NULL PRIMARY KEY, beat BIGINT UNSIGNED NOT NULL) "
         "ENGINE=InnoDB";
}

std::string seed_heartbeat(const std::string& db, const std::string& table) {
  return "INSERT INTO " + qualified_name(db, table) + " (id, beat) VALUES (1, 0)";
}

std::string beat(const std::string& db, const std::string& table) {
  return "UPDATE " + qualified_name(db, table) + " SET beat = ? WHERE id = 1";
}

std::string read_heartbeat(const std::string& db, const std::string& table) {
  return "SELECT beat FROM " + qualified_name(db, table) + " WHERE id = 1";
}

}  // namespace oa::sql
