#include "schema/table_inspector.h"

#include <algorithm>

#include "db/db_error.h"
#include "sql/privileges_sql.h"

namespace oa::schema {
namespace {

using db::Param;
using db::Row;

constexpr int kNoSuchFunction = 1305;  // ER_SP_DOES_NOT_EXIST: MySQL 5.7 has no CURRENT_ROLE()

// information_schema compares names case-insensitively; the server does not
// (lower_case_table_names=0), so every row is filtered again by exact name.
bool is(const db::Value& v, const std::string& expected) { return v && *v == expected; }

std::string text(const db::Value& v) { return v.value_or(""); }

bool is_binary_type(const std::string& data_type) {
  static const char* const kBinary[] = {"binary",     "varbinary", "tinyblob", "blob",
                                        "mediumblob", "longblob",  "bit"};
  return std::find(std::begin(kBinary), std::end(kBinary), data_type) != std::end(kBinary);
}

}  // namespace

ServerRole TableInspector::server_role() {
  ServerRole role;
  role.read_only = connection_.query_number("SELECT @@GLOBAL.read_only") != 0;
  role.replica_threads = connection_.query_number(
      "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS "
      "WHERE VARIABLE_NAME = 'SLAVES_RUNNING'");
  // information_schema rather than @@wsrep_on: a server built without wsrep
  // (MySQL) has no such variable, and that is no error. The session values
  // count: they are what this session's DDL runs under.
  const auto wsrep = connection_.query_value(
      "SELECT VARIABLE_VALUE FROM information_schema.SESSION_VARIABLES "
      "WHERE VARIABLE_NAME = 'WSREP_ON'");
  role.wsrep_on = wsrep && *wsrep == "ON";
  if (!role.wsrep_on) return role;
  role.osu_method = connection_
                        .query_value(
                            "SELECT VARIABLE_VALUE FROM information_schema.SESSION_VARIABLES "
                            "WHERE VARIABLE_NAME = 'WSREP_OSU_METHOD'")
                        .value_or("");
  role.cluster_size = connection_.query_number(
      "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS "
      "WHERE VARIABLE_NAME = 'WSREP_CLUSTER_SIZE'");
  return role;
}

HeldPrivileges TableInspector::held_privileges(const std::string& database) {
  HeldPrivileges held;
  held.account = connection_.query_value(sql::current_account()).value_or("");
  try {
    const db::Value role = connection_.query_value(sql::current_role());
    held.unseen_grants = role.has_value() && *role != "NONE";
  } catch (const db::DbError& e) {
    if (e.server_code() != kNoSuchFunction) throw;  // a server without roles
  }
  std::vector<std::string> grants;
  for (const auto& r : connection_.query(sql::show_grants())) grants.push_back(r[0].value_or(""));
  held.unseen_grants = held.unseen_grants || sql::grants_roles(grants);
  held.privileges = sql::public_privileges_on(grants, database);
  const std::string grantee = sql::grantee_of(held.account);
  for (const auto& r : connection_.query(sql::held_privileges(),
                                         {Param{grantee}, Param{grantee}, Param{database}})) {
    if (r[0]) held.privileges.insert(*r[0]);
  }
  return held;
}

bool TableInspector::database_exists(const std::string& database) {
  auto rows =
      connection_.query("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?",
                        {Param{database}});
  return std::any_of(rows.begin(), rows.end(), [&](const Row& r) { return is(r[0], database); });
}

std::optional<std::string> TableInspector::table_type(const std::string& database,
                                                      const std::string& table) {
  auto rows = connection_.query(
      "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
      "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
      {Param{database}, Param{table}});
  for (const auto& r : rows) {
    if (is(r[0], table)) return text(r[1]);
  }
  return std::nullopt;
}

bool TableInspector::trigger_exists(const std::string& database, const std::string& trigger) {
  auto rows = connection_.query(
      "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS "
      "WHERE TRIGGER_SCHEMA = ? AND TRIGGER_NAME = ?",
      {Param{database}, Param{trigger}});
  return std::any_of(rows.begin(), rows.end(), [&](const Row& r) { return is(r[0], trigger); });
}

TableInfo TableInspector::inspect(const std::string& database, const std::string& table) {
  TableInfo info;
  info.database = database;
  info.name = table;
  auto rows = connection_.query(
      "SELECT TABLE_NAME, ENGINE, TABLE_ROWS, AUTO_INCREMENT FROM information_schema.TABLES "
      "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?",
      {Param{database}, Param{table}});
  for (const auto& r : rows) {
    if (!is(r[0], table)) continue;
    info.engine = text(r[1]);
    info.estimated_rows = r[2] ? std::stoull(*r[2]) : 0;
    if (r[3]) info.auto_increment = std::stoull(*r[3]);
  }
  read_columns(info);
  read_indexes(info);
  info.triggers = triggers_of(info.database, info.name);
  info.foreign_keys = foreign_keys_of(info.database, info.name);
  info.referenced_by = foreign_keys_referencing(info.database, info.name);
  return info;
}

void TableInspector::read_columns(TableInfo& info) {
  auto rows = connection_.query(
      "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, IS_GENERATED, "
      "CHARACTER_SET_NAME, COLLATION_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
      "AND TABLE_NAME = ? "
      "ORDER BY ORDINAL_POSITION",
      {Param{info.database}, Param{info.name}});
  for (const auto& r : rows) {
    if (!is(r[0], info.name)) continue;
    Column c;
    c.name = text(r[1]);
    c.data_type = text(r[2]);
    c.column_type = text(r[3]);
    c.nullable = text(r[4]) == "YES";
    c.generated = text(r[5]) == "ALWAYS";
    c.binary = is_binary_type(c.data_type);
    c.charset = text(r[6]);
    c.collation = text(r[7]);
    info.columns.push_back(std::move(c));
  }
}

void TableInspector::read_indexes(TableInfo& info) {
  auto rows = connection_.query(
      "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART "
      "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? "
      "ORDER BY INDEX_NAME = 'PRIMARY' DESC, INDEX_NAME, SEQ_IN_INDEX",
      {Param{info.database}, Param{info.name}});
  for (const auto& r : rows) {
    if (!is(r[0], info.name)) continue;
    const std::string name = text(r[1]);
    if (info.indexes.empty() || info.indexes.back().name != name) {
      Index index;
      index.name = name;
      index.unique = text(r[2]) == "0";
      info.indexes.push_back(std::move(index));
    }
    Index& index = info.indexes.back();
    index.columns.push_back(text(r[3]));
    if (r[4]) index.has_prefix_part = true;
  }
}

std::vector<Trigger> TableInspector::triggers_of(const std::string& database,
                                                 const std::string& table) {
  auto rows = connection_.query(
      "SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, EVENT_MANIPULATION, ACTION_TIMING, "
      "ACTION_STATEMENT, DEFINER, SQL_MODE FROM information_schema.TRIGGERS "
      "WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ? "
      "ORDER BY EVENT_MANIPULATION, ACTION_TIMING, ACTION_ORDER",
      {Param{database}, Param{table}});
  std::vector<Trigger> triggers;
  for (const auto& r : rows) {
    if (!is(r[0], table)) continue;
    triggers.push_back(
        Trigger{text(r[1]), text(r[2]), text(r[3]), text(r[4]), text(r[5]), text(r[6])});
  }
  return triggers;
}

// One row per column of each constraint, in the constraint's column order.
std::vector<sql::ForeignKey> TableInspector::read_constraints(const std::string& where,
                                                              const std::string& database,
                                                              const std::string& table) {
  auto rows = connection_.query(
      "SELECT k.CONSTRAINT_NAME, k.TABLE_SCHEMA, k.TABLE_NAME, k.COLUMN_NAME, "
      "k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, "
      "r.UPDATE_RULE, r.DELETE_RULE "
      "FROM information_schema.KEY_COLUMN_USAGE k "
      "JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
      "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
      "AND r.TABLE_NAME = k.TABLE_NAME "
      "WHERE " +
          where +
          " AND k.REFERENCED_TABLE_NAME IS NOT NULL "
          "ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION",
      {Param{database}, Param{table}});
  std::vector<sql::ForeignKey> keys;
  for (const auto& r : rows) {
    const bool same = !keys.empty() && keys.back().name == text(r[0]) &&
                      keys.back().database == text(r[1]) && keys.back().table == text(r[2]);
    if (!same) {
      keys.push_back(sql::ForeignKey{text(r[0]),
                                     text(r[1]),
                                     text(r[2]),
                                     {},
                                     text(r[4]),
                                     text(r[5]),
                                     {},
                                     text(r[7]),
                                     text(r[8])});
    }
    keys.back().columns.push_back(text(r[3]));
    keys.back().referenced_columns.push_back(text(r[6]));
  }
  return keys;
}

std::vector<sql::ForeignKey> TableInspector::foreign_keys_of(const std::string& database,
                                                             const std::string& table) {
  auto keys = read_constraints("k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ?", database, table);
  keys.erase(std::remove_if(keys.begin(), keys.end(),
                            [&](const sql::ForeignKey& k) { return k.table != table; }),
             keys.end());
  return keys;
}

std::vector<sql::ForeignKey> TableInspector::foreign_keys_referencing(const std::string& database,
                                                                      const std::string& table) {
  auto keys = read_constraints("k.REFERENCED_TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME = ?",
                               database, table);
  keys.erase(std::remove_if(keys.begin(), keys.end(),
                            [&](const sql::ForeignKey& k) {
                              return k.referenced_database != database ||
                                     k.referenced_table != table;
                            }),
             keys.end());
  return keys;
}

}  // namespace oa::schema
