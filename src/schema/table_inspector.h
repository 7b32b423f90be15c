// Reads table definitions from information_schema. Reads only; never writes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"
#include "schema/held_privileges.h"
#include "schema/table_info.h"
#include "sql/foreign_keys.h"

namespace oa::schema {

class TableInspector {
 public:
  explicit TableInspector(db::Connection& connection) : connection_(connection) {}

  // read_only and the running replication threads of the server.
  ServerRole server_role();

  // The privileges the session's account holds on `database` (globally or on
  // the schema) by their information_schema names ("SELECT", "LOCK TABLES").
  HeldPrivileges held_privileges(const std::string& database);

  // True when the schema `database` exists.
  bool database_exists(const std::string& database);

  // "BASE TABLE", "VIEW", ... for an existing table; nullopt when there is none.
  std::optional<std::string> table_type(const std::string& database, const std::string& table);

  // True when a trigger of that name exists in `database`.
  bool trigger_exists(const std::string& database, const std::string& trigger);

  // The triggers of `database`.`table`, in the order TableInfo::triggers has.
  std::vector<Trigger> triggers_of(const std::string& database, const std::string& table);

  // The FOREIGN KEY constraints `database`.`table` declares.
  std::vector<sql::ForeignKey> foreign_keys_of(const std::string& database,
                                               const std::string& table);
  // The FOREIGN KEY constraints of any table that reference `database`.`table`.
  std::vector<sql::ForeignKey> foreign_keys_referencing(const std::string& database,
                                                        const std::string& table);

  // The full description of an existing table. Requires table_type() to be set.
  TableInfo inspect(const std::string& database, const std::string& table);

 private:
  void read_columns(TableInfo& info);
  void read_indexes(TableInfo& info);
  std::vector<sql::ForeignKey> read_constraints(const std::string& where,
                                                const std::string& database,
                                                const std::string& table);

  db::Connection& connection_;
};

}  // namespace oa::schema
