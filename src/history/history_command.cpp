#include "history/history_command.h"

#include <iostream>

#include "db/connection.h"
#include "history/text_table.h"
#include "log.h"
#include "schema/table_inspector.h"
#include "sql/history_sql.h"
#include "sql/quote.h"
#include "status/json.h"

namespace oa {
namespace {

// Enough of an ALTER or an error to recognize it on one terminal line.
constexpr std::size_t kAlterWidth = 50;
constexpr std::size_t kErrorWidth = 60;

// The columns of sql::select_history_runs(), by position.
enum Column {
  kId,
  kStartedAt,
  kEndedAt,
  kMode,
  kDatabase,
  kTable,
  kOutcome,
  kExitCode,
  kRowsCopied,
  kChunks,
  kRetries,
  kAlter,
  kError,
  kPhaseSeconds,
  kDbUser,
  kOsUser,
  kClientHost,
  kToolVersion
};

std::string text(const db::Row& row, Column c) { return row[c].value_or(""); }

// "2026-12-04 18:02:34.123456" without the microseconds.
std::string to_second(const std::string& time) { return time.substr(0, 19); }

std::uint64_t number(const db::Row& row, Column c) {
  try {
    return std::stoull(text(row, c));
  } catch (const std::exception&) {
    return 0;
  }
}

std::string run_json(const db::Row& row) {
  status::JsonObject o;
  o.add("id", number(row, kId))
      .add("started_at", text(row, kStartedAt))
      .add("ended_at", text(row, kEndedAt))
      .add("mode", text(row, kMode))
      .add("database", text(row, kDatabase))
      .add("table", text(row, kTable))
      .add("outcome", text(row, kOutcome))
      .add("exit_code", number(row, kExitCode))
      .add("rows_copied", number(row, kRowsCopied))
      .add("chunks", number(row, kChunks))
      .add("retries", number(row, kRetries))
      .add("alter", text(row, kAlter));
  if (row[kError]) o.add("error", *row[kError]);
  o.add("db_user", text(row, kDbUser))
      .add("os_user", text(row, kOsUser))
      .add("client_host", text(row, kClientHost))
      .add("tool_version", text(row, kToolVersion));
  // phase_seconds holds the tool's own JSON object: it is passed on as it is.
  std::string json = o.text();
  const std::string phases = text(row, kPhaseSeconds);
  json.insert(json.size() - 1, ",\"phase_seconds\":" + (phases.empty() ? "{}" : phases));
  return json;
}

std::vector<std::string> run_cells(const db::Row& row) {
  return {text(row, kId),
          to_second(text(row, kStartedAt)),
          to_second(text(row, kEndedAt)),
          text(row, kMode),
          sql::qualified_name(text(row, kDatabase), text(row, kTable)),
          text(row, kOutcome) + " (" + text(row, kExitCode) + ")",
          text(row, kRowsCopied),
          history::one_line(text(row, kAlter), kAlterWidth),
          history::one_line(text(row, kError), kErrorWidth)};
}

}  // namespace

void run_history(const cli::Options& o) {
  cli::Options where = o;
  where.connection.database.clear();
  auto connection = db::Connection::open(where.connection);
  const std::string name = sql::qualified_name(o.history_database, o.history_table);
  schema::TableInspector inspector(*connection);
  if (!inspector.table_type(o.history_database, o.history_table)) {
    log::info("no run recorded: " + name + " does not exist yet");
    return;
  }
  const bool by_database = !o.connection.database.empty(), by_table = !o.table.empty();
  std::vector<db::Param> params;
  if (by_database) params.push_back({o.connection.database});
  if (by_table) params.push_back({o.table});
  params.push_back({std::to_string(o.history_limit), false, true});
  const auto rows = connection->query(
      sql::select_history_runs(o.history_database, o.history_table, by_database, by_table), params);
  if (log::json_enabled()) {
    for (const auto& row : rows) std::cout << run_json(row) << "\n";
    std::cout << std::flush;
    return;
  }
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : rows) cells.push_back(run_cells(row));
  log::write_stdout(history::text_table(
      {"ID", "STARTED (UTC)", "ENDED (UTC)", "MODE", "TABLE", "OUTCOME", "ROWS", "ALTER", "ERROR"},
      cells));
}

}  // namespace oa
