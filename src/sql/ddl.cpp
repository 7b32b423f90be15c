#include "sql/ddl.h"

#include <algorithm>

#include "sql/quote.h"

namespace oa::sql {

std::string create_table_like(const std::string& db, const std::string& table,
                              const std::string& like) {
  return "CREATE TABLE " + qualified_name(db, table) + " LIKE " + qualified_name(db, like);
}

std::string alter_table(const std::string& db, const std::string& table,
                        const std::string& clauses) {
  return "ALTER TABLE " + qualified_name(db, table) + " " + clauses;
}

std::string set_auto_increment(const std::string& db, const std::string& table,
                               std::uint64_t value) {
  return "ALTER TABLE " + qualified_name(db, table) + " AUTO_INCREMENT = " + std::to_string(value);
}

std::string drop_table_if_exists(const std::string& db, const std::string& table) {
  return "DROP TABLE IF EXISTS " + qualified_name(db, table);
}

std::string drop_trigger_if_exists(const std::string& db, const std::string& trigger) {
  return "DROP TRIGGER IF EXISTS " + qualified_name(db, trigger);
}

std::string lock_tables_write(const std::string& db, const std::vector<std::string>& tables) {
  std::vector<TableName> names;
  for (const auto& t : tables) names.push_back({db, t});
  return lock_tables_write(names);
}

std::string lock_tables_write(const std::vector<TableName>& tables) {
  // The server refuses a table named twice (error 1066).
  std::vector<std::string> locked;
  for (const auto& t : tables) {
    const std::string name = qualified_name(t.database, t.table);
    if (std::find(locked.begin(), locked.end(), name) == locked.end()) locked.push_back(name);
  }
  std::string out = "LOCK TABLES ";
  for (std::size_t i = 0; i < locked.size(); ++i) out += (i ? ", " : "") + locked[i] + " WRITE";
  return out;
}

std::string unlock_tables() { return "UNLOCK TABLES"; }

std::string swap_tables(const std::string& db, const std::string& table, const std::string& old,
                        const std::string& shadow) {
  return "RENAME TABLE " + qualified_name(db, table) + " TO " + qualified_name(db, old) + ", " +
         qualified_name(db, shadow) + " TO " + qualified_name(db, table);
}

std::string rename_table(const std::string& db, const std::string& from, const std::string& to) {
  return "RENAME TABLE " + qualified_name(db, from) + " TO " + qualified_name(db, to);
}

std::string analyze_table(const std::string& db, const std::string& table) {
  return "ANALYZE TABLE " + qualified_name(db, table);
}

std::string set_lock_wait_timeout(unsigned seconds) {
  // Whole seconds only: MariaDB 10.11 rejects fractions (error 1232).
  return "SET SESSION lock_wait_timeout = " + std::to_string(seconds);
}

}  // namespace oa::sql
