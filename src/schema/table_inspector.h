// Reads table definitions from information_schema. Reads only; never writes.
#pragma once

#include <optional>
#include <string>

#include "db/connection.h"
#include "schema/table_info.h"

namespace oa::schema {

class TableInspector {
 public:
  explicit TableInspector(db::Connection& connection) : connection_(connection) {}

  // read_only and the running replication threads of the server.
  ServerRole server_role();

  // True when the schema `database` exists.
  bool database_exists(const std::string& database);

  // "BASE TABLE", "VIEW", ... for an existing table; nullopt when there is none.
  std::optional<std::string> table_type(const std::string& database, const std::string& table);

  // True when a trigger of that name exists in `database`.
  bool trigger_exists(const std::string& database, const std::string& trigger);

  // The full description of an existing table. Requires table_type() to be set.
  TableInfo inspect(const std::string& database, const std::string& table);

 private:
  void read_columns(TableInfo& info);
  void read_indexes(TableInfo& info);
  void read_triggers(TableInfo& info);
  void read_foreign_keys(TableInfo& info);

  db::Connection& connection_;
};

}  // namespace oa::schema
