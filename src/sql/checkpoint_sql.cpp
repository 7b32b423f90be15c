#include "sql/checkpoint_sql.h"

#include "sql/quote.h"

namespace oa::sql {

std::string create_checkpoint(const std::string& db, const std::string& table) {
  return "CREATE TABLE " + qualified_name(db, table) +
         " (`id` TINYINT UNSIGNED NOT NULL PRIMARY KEY,"
         " `tool_version` VARCHAR(32) NOT NULL,"
         " `alter_text` LONGTEXT NOT NULL,"
         " `original_definition` LONGTEXT NOT NULL,"
         " `plan_summary` LONGTEXT NOT NULL,"
         " `chunk_settings` VARCHAR(255) NOT NULL,"
         " `deferred_indexes` LONGBLOB NULL,"
         " `foreign_keys` LONGBLOB NULL,"
         " `own_triggers` LONGBLOB NULL,"
         " `swap_begun` TINYINT UNSIGNED NOT NULL DEFAULT 0,"
         " `stage` VARCHAR(16) NOT NULL,"
         " `copy_end` LONGBLOB NULL,"
         " `copied_up_to` LONGBLOB NULL,"
         " `rows_copied` BIGINT UNSIGNED NOT NULL DEFAULT 0,"
         " `chunks` BIGINT UNSIGNED NOT NULL DEFAULT 0,"
         " `revert_columns` LONGBLOB NULL,"
         " `other_revert_columns` LONGBLOB NULL,"
         " `revert_until` DATETIME NULL,"
         " `started_at` TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),"
         " `updated_at` TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)"
         " ON UPDATE CURRENT_TIMESTAMP(6))"
         " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
         " COMMENT='online-alter: where the run stands, for --resume'";
}

std::string insert_checkpoint(const std::string& db, const std::string& table) {
  return "INSERT INTO " + qualified_name(db, table) +
         " (`id`, `tool_version`, `alter_text`, `original_definition`, `plan_summary`,"
         " `chunk_settings`, `foreign_keys`, `own_triggers`, `stage`)"
         " VALUES (1, ?, ?, ?, ?, ?, ?, ?, 'preparing')";
}

std::string set_checkpoint_stage(const std::string& db, const std::string& table) {
  return "UPDATE " + qualified_name(db, table) + " SET `stage` = ? WHERE `id` = 1";
}

std::string set_deferred_indexes(const std::string& db, const std::string& table) {
  return "UPDATE " + qualified_name(db, table) + " SET `deferred_indexes` = ? WHERE `id` = 1";
}

std::string record_chunk(const std::string& db, const std::string& table) {
  return "UPDATE " + qualified_name(db, table) +
         " SET `stage` = 'copying', `copy_end` = ?, `copied_up_to` = ?,"
         " `rows_copied` = `rows_copied` + ?, `chunks` = `chunks` + 1 WHERE `id` = 1";
}

std::string mark_swap_begun(const std::string& db, const std::string& table) {
  return "UPDATE " + qualified_name(db, table) +
         " SET `own_triggers` = ?, `swap_begun` = 1 WHERE `id` = 1";
}

std::string read_checkpoint(const std::string& db, const std::string& table) {
  return "SELECT `tool_version`, `alter_text`, `original_definition`, `plan_summary`,"
         " `deferred_indexes`, `stage`, `copy_end`, `copied_up_to`, `rows_copied`, `chunks`,"
         " `started_at`, `chunk_settings`, `foreign_keys`, `own_triggers`, `swap_begun` FROM " +
         qualified_name(db, table) + " WHERE `id` = 1";
}

namespace {
const char* pairs_column(bool other_set) {
  return other_set ? "`other_revert_columns`" : "`revert_columns`";
}
}  // namespace

std::string save_revert_columns(const std::string& db, const std::string& table, bool other_set) {
  return "UPDATE " + qualified_name(db, table) + " SET " + pairs_column(other_set) +
         " = ? WHERE `id` = 1";
}

std::string open_revert_window(const std::string& db, const std::string& table) {
  return "UPDATE " + qualified_name(db, table) +
         " SET `stage` = 'revertible', `swap_begun` = 0,"
         " `revert_until` = UTC_TIMESTAMP() + INTERVAL ? SECOND WHERE `id` = 1";
}

std::string read_revert_window(const std::string& db, const std::string& table, bool other_set) {
  return std::string("SELECT `stage`, ") + pairs_column(other_set) +
         ", DATE_FORMAT(`revert_until`, '%Y-%m-%d %H:%i:%s'), `revert_until` < UTC_TIMESTAMP()"
         " FROM " +
         qualified_name(db, table) + " WHERE `id` = 1";
}

}  // namespace oa::sql
