#include "sql/history_sql.h"

#include <doctest/doctest.h>

#include <string>

using namespace oa::sql;

TEST_CASE("the history schema and table are created only when missing, names quoted") {
  CHECK(create_history_schema("online_alter") == "CREATE DATABASE IF NOT EXISTS `online_alter`");
  CHECK(create_history_schema("we`ird") == "CREATE DATABASE IF NOT EXISTS `we``ird`");
  const std::string create = create_history_table("ops", "runs");
  CHECK(create.rfind("CREATE TABLE IF NOT EXISTS `ops`.`runs` (`id` BIGINT UNSIGNED NOT NULL "
                     "AUTO_INCREMENT PRIMARY KEY,",
                     0) == 0);
  for (const char* column :
       {"`tool_version`", "`alter_text`", "`database_name`", "`table_name`", "`mode`", "`db_user`",
        "`os_user`", "`client_host`", "`started_at`", "`ended_at`", "`outcome`", "`exit_code`",
        "`error_text`", "`rows_copied`", "`chunks`", "`retries`", "`phase_seconds`", "`summary`"}) {
    CAPTURE(column);
    CHECK(create.find(column) != std::string::npos);
  }
}

TEST_CASE("a run is inserted with every value a placeholder but the server's user") {
  CHECK(insert_history_run("online_alter", "history") ==
        "INSERT INTO `online_alter`.`history` (`tool_version`, `alter_text`, `database_name`, "
        "`table_name`, `mode`, `db_user`, `os_user`, `client_host`, `started_at`, `ended_at`, "
        "`outcome`, `exit_code`, `error_text`, `rows_copied`, `chunks`, `retries`, "
        "`phase_seconds`, `summary`) VALUES (?, ?, ?, ?, ?, CURRENT_USER(), ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?, ?, ?)");
}

TEST_CASE("runs are listed newest first, narrowed by placeholders") {
  const std::string columns =
      "SELECT `id`, `started_at`, `ended_at`, `mode`, `database_name`, `table_name`, `outcome`, "
      "`exit_code`, `rows_copied`, `chunks`, `retries`, `alter_text`, `error_text`, "
      "`phase_seconds`, `db_user`, `os_user`, `client_host`, `tool_version` FROM `h`.`r`";
  const std::string order = " ORDER BY `id` DESC LIMIT ?";
  CHECK(select_history_runs("h", "r", false, false) == columns + order);
  CHECK(select_history_runs("h", "r", true, false) ==
        columns + " WHERE `database_name` = ?" + order);
  CHECK(select_history_runs("h", "r", false, true) == columns + " WHERE `table_name` = ?" + order);
  CHECK(select_history_runs("h", "r", true, true) ==
        columns + " WHERE `database_name` = ? AND `table_name` = ?" + order);
}
