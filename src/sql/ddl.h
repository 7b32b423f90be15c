// Text of the DDL and session statements the tool runs. Pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace oa::sql {

std::string create_table_like(const std::string& db, const std::string& table,
                              const std::string& like);
// `clauses` is the user's validated --alter text, passed to the server as is:
// the server is the parser, and it runs only against the shadow table.
std::string alter_table(const std::string& db, const std::string& table,
                        const std::string& clauses);
std::string set_auto_increment(const std::string& db, const std::string& table,
                               std::uint64_t value);
std::string drop_table_if_exists(const std::string& db, const std::string& table);
std::string drop_trigger_if_exists(const std::string& db, const std::string& trigger);
std::string lock_tables_write(const std::string& db, const std::vector<std::string>& tables);
struct TableName {
  std::string database;
  std::string table;
};
// Each table once, in the order given.
std::string lock_tables_write(const std::vector<TableName>& tables);
std::string unlock_tables();
// The atomic swap: table -> old, shadow -> table in one statement.
std::string swap_tables(const std::string& db, const std::string& table, const std::string& old,
                        const std::string& shadow);
std::string rename_table(const std::string& db, const std::string& from, const std::string& to);
std::string analyze_table(const std::string& db, const std::string& table);
std::string set_lock_wait_timeout(unsigned seconds);

}  // namespace oa::sql
