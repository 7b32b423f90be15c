#include "sql/history_sql.h"

#include "sql/quote.h"

namespace oa::sql {

std::string create_history_schema(const std::string& db) {
  return "CREATE DATABASE IF NOT EXISTS " + quote_identifier(db);
}

std::string create_history_table(const std::string& db, const std::string& table) {
  // LONGTEXT rather than JSON for the JSON columns: MariaDB's JSON is an alias
  // of it anyway, and MySQL's would reject nothing the tool writes.
  return "CREATE TABLE IF NOT EXISTS " + qualified_name(db, table) +
         " (`id` BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,"
         " `tool_version` VARCHAR(32) NOT NULL,"
         " `alter_text` LONGTEXT NOT NULL,"
         " `database_name` VARCHAR(64) NOT NULL,"
         " `table_name` VARCHAR(64) NOT NULL,"
         " `mode` VARCHAR(16) NOT NULL,"
         " `db_user` VARCHAR(288) NOT NULL,"
         " `os_user` VARCHAR(255) NOT NULL,"
         " `client_host` VARCHAR(255) NOT NULL,"
         " `started_at` DATETIME(6) NOT NULL,"
         " `ended_at` DATETIME(6) NOT NULL,"
         " `outcome` VARCHAR(32) NOT NULL,"
         " `exit_code` SMALLINT UNSIGNED NOT NULL,"
         " `error_text` LONGTEXT NULL,"
         " `rows_copied` BIGINT UNSIGNED NOT NULL,"
         " `chunks` BIGINT UNSIGNED NOT NULL,"
         " `retries` BIGINT UNSIGNED NOT NULL,"
         " `phase_seconds` LONGTEXT NOT NULL,"
         " `summary` LONGTEXT NOT NULL,"
         " KEY `by_table` (`database_name`, `table_name`, `id`))"
         " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
         " COMMENT='online-alter: one row per --dry-run or --execute run'";
}

std::string insert_history_run(const std::string& db, const std::string& table) {
  return "INSERT INTO " + qualified_name(db, table) +
         " (`tool_version`, `alter_text`, `database_name`, `table_name`, `mode`, `db_user`,"
         " `os_user`, `client_host`, `started_at`, `ended_at`, `outcome`, `exit_code`,"
         " `error_text`, `rows_copied`, `chunks`, `retries`, `phase_seconds`, `summary`)"
         " VALUES (?, ?, ?, ?, ?, CURRENT_USER(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
}

std::string select_history_runs(const std::string& db, const std::string& table, bool by_database,
                                bool by_table) {
  std::string where;
  if (by_database) where += " WHERE `database_name` = ?";
  if (by_table) where += std::string(by_database ? " AND" : " WHERE") + " `table_name` = ?";
  return "SELECT `id`, `started_at`, `ended_at`, `mode`, `database_name`, `table_name`,"
         " `outcome`, `exit_code`, `rows_copied`, `chunks`, `retries`, `alter_text`,"
         " `error_text`, `phase_seconds`, `db_user`, `os_user`, `client_host`, `tool_version`"
         " FROM " +
         qualified_name(db, table) + where + " ORDER BY `id` DESC LIMIT ?";
}

}  // namespace oa::sql
