// Text of the statements that keep the run history: one row per --dry-run
// or --execute run, in a table of the tool's own (--history-table). Pure
// functions; values are placeholders.
#pragma once

#include <string>

namespace oa::sql {

// CREATE DATABASE IF NOT EXISTS `db`.
std::string create_history_schema(const std::string& db);

// CREATE TABLE IF NOT EXISTS for the history table.
std::string create_history_table(const std::string& db, const std::string& table);

// One run. Placeholders, in order: tool_version, alter_text, database_name,
// table_name, mode, os_user, client_host, started_at, ended_at (UTC,
// "YYYY-MM-DD HH:MM:SS.ffffff"), outcome, exit_code, error_text (NULL when
// none), rows_copied, chunks, retries, phase_seconds (JSON), summary (JSON).
// db_user is the server's CURRENT_USER().
std::string insert_history_run(const std::string& db, const std::string& table);

// The runs, newest first. Placeholders: the schema name when
// `by_database`, then the table name when `by_table`, then the LIMIT.
// Columns: id, started_at, ended_at, mode, database_name, table_name,
// outcome, exit_code, rows_copied, chunks, retries, alter_text, error_text,
// phase_seconds, db_user, os_user, client_host, tool_version.
std::string select_history_runs(const std::string& db, const std::string& table, bool by_database,
                                bool by_table);

}  // namespace oa::sql
