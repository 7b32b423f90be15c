#include "revert/revert_window.h"

#include "db/db_error.h"
#include "error.h"
#include "phases/checkpoint.h"
#include "sql/checkpoint_sql.h"
#include "sql/quote.h"

namespace oa::revert {

namespace {

// Whether the second capture set's insert trigger sits on `table`.
bool carries_other_set(db::Connection& c, const std::string& db, const std::string& table) {
  const plan::MigrationNames names = plan::derive_names(table);
  return c.query_number(
             "SELECT COUNT(*) FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? AND "
             "EVENT_OBJECT_TABLE = ? AND TRIGGER_NAME = ?",
             {db::Param{db}, db::Param{table}, db::Param{names.other_insert_trigger}}) > 0;
}

}  // namespace

void save_pairs(db::Connection& c, const std::string& db, const std::string& table, bool other_set,
                const plan::ColumnPairs& pairs) {
  std::vector<std::string> flat;
  for (const auto& [before, after] : pairs) {
    flat.push_back(before);
    flat.push_back(after);
  }
  c.update(sql::save_revert_columns(db, plan::derive_names(table).checkpoint, other_set),
           {db::Param{phases::encode_strings(flat), true}});
}

bool is_other_set(const std::string& table, const plan::MigrationPlan& capture) {
  return capture.names.change_log == plan::derive_names(table).other_log;
}

void open_window(db::Connection& c, const std::string& db, const std::string& table,
                 double seconds) {
  c.update(sql::open_revert_window(db, plan::derive_names(table).checkpoint),
           {db::Param{std::to_string(static_cast<long long>(seconds)), false, true}});
}

std::optional<RevertWindow> read_window(db::Connection& c, const std::string& db,
                                        const std::string& table) {
  const plan::MigrationNames names = plan::derive_names(table);
  RevertWindow window;
  std::vector<db::Row> rows;
  try {
    window.other_set = carries_other_set(c, db, table);
    rows = c.query(sql::read_revert_window(db, names.checkpoint, window.other_set));
  } catch (const db::DbError& e) {
    if (e.server_code() != db::kErrNoSuchTable) throw;
    return std::nullopt;
  }
  if (rows.empty() || rows.front()[0] != std::string("revertible")) return std::nullopt;
  const auto& r = rows.front();
  const auto flat = phases::decode_strings(r[1].value_or(""));
  for (std::size_t i = 0; i + 1 < flat.size(); i += 2) {
    window.pairs.emplace_back(flat[i], flat[i + 1]);
  }
  window.until = r[2].value_or("");
  window.expired = r[3].value_or("0") == "1";
  return window;
}

void refuse_if_window_open(db::Connection& c, const std::string& db, const std::string& table,
                           const std::string& doing) {
  const auto window = read_window(c, db, table);
  if (!window) return;
  const std::string state = window->expired ? "whose revert window ended at " + window->until
                                            : "whose revert window is open until " + window->until;
  throw RefusedError(sql::qualified_name(db, table) + " was migrated with --revertible, " + state +
                     " UTC; its old table and capture triggers are kept on purpose, and " + doing +
                     " would break the way back. Keep the new schema with `" +
                     finalize_command(db, table) + "`, or go back with `" +
                     revert_command(db, table) + "`; nothing was changed");
}

std::string revert_command(const std::string& db, const std::string& table) {
  return "online-alter revert --database " + db + " --table " + table;
}

std::string finalize_command(const std::string& db, const std::string& table) {
  return "online-alter finalize --database " + db + " --table " + table;
}

}  // namespace oa::revert
