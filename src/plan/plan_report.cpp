#include "plan/plan_report.h"

#include <sstream>

#include "sql/change_log_sql.h"
#include "sql/checkpoint_sql.h"
#include "sql/ddl.h"
#include "sql/foreign_keys.h"
#include "sql/quote.h"

namespace oa::plan {
namespace {

std::string list_or_none(const std::vector<std::string>& names) {
  return names.empty() ? "(none)" : sql::quoted_list(names);
}

void write_mapping(std::ostream& out, const ColumnMapping& m) {
  out << "  column mapping:\n";
  for (std::size_t i = 0; i < m.source.size(); ++i) {
    out << "    " << sql::quote_identifier(m.source[i]) << " -> "
        << sql::quote_identifier(m.target[i]) << "\n";
  }
  out << "    new columns (default or generated values): " << list_or_none(m.added) << "\n";
  out << "    dropped columns (not copied): " << list_or_none(m.dropped) << "\n";
}

// The statements that move foreign keys under the swap's lock.
template <typename Statement>
void write_foreign_key_moves(const MigrationPlan& plan, Statement& statement) {
  if (plan.foreign_keys.empty() && plan.child_foreign_keys.empty()) return;
  const std::string& db = plan.database;
  statement("SET SESSION foreign_key_checks = 0", "so that each ALTER changes metadata only");
  if (!plan.foreign_keys.empty()) {
    std::vector<std::string> names, clauses;
    for (const auto& k : plan.foreign_keys) names.push_back(k.name);
    const auto& moved =
        plan.shadow_foreign_keys.empty() ? plan.foreign_keys : plan.shadow_foreign_keys;
    for (const auto& k : moved) clauses.push_back(sql::constraint_clause(k));
    statement(sql::drop_foreign_keys(db, plan.table, names));
    statement(sql::add_foreign_keys(db, plan.names.shadow, clauses));
  }
  for (const auto& key : plan.child_foreign_keys) {
    statement(sql::repoint_foreign_key(key, db, plan.names.shadow),
              "the RENAME takes it to the new table");
  }
}

}  // namespace

std::string render_plan(const MigrationPlan& plan, const ReportSettings& settings) {
  const MigrationNames& n = plan.names;
  const std::string& db = plan.database;
  std::ostringstream out;
  out << "Plan for " << sql::qualified_name(db, plan.table) << "\n";
  out << "  alter: " << plan.alter_clauses << "\n";
  if (plan.galera) {
    out << "  server: Galera cluster of " << plan.cluster_nodes
        << " nodes, DDL by TOI (the triggers also write the new table; the swap is one RENAME)\n";
  }
  out << "  shadow table: " << sql::qualified_name(db, n.shadow) << "\n";
  out << "  change log: " << sql::qualified_name(db, n.change_log) << "\n";
  out << "  checkpoint (for --resume): " << sql::qualified_name(db, n.checkpoint) << "\n";
  out << "  old table after the swap: " << sql::qualified_name(db, n.old)
      << (plan.drop_old_table ? " (dropped)" : " (kept)") << "\n";
  out << "  triggers: " << sql::quoted_list({n.insert_trigger, n.update_trigger, n.delete_trigger})
      << "\n";
  if (!plan.user_triggers.empty()) {
    std::vector<std::string> own;
    for (const auto& t : plan.user_triggers) own.push_back(t.name);
    out << "  the table's own triggers, moved to the new table at the swap (same definer, "
           "sql_mode and order): "
        << sql::quoted_list(own) << "\n";
  }
  if (!plan.foreign_keys.empty()) {
    std::vector<std::string> own;
    for (const auto& k : plan.foreign_keys) own.push_back(k.name);
    out << "  the table's foreign keys, moved to the new table under the swap's lock (same "
           "names): "
        << sql::quoted_list(own) << "\n";
  }
  for (const auto& k : plan.child_foreign_keys) {
    out << "  foreign key " << sql::quote_identifier(k.name) << " of "
        << sql::qualified_name(k.database, k.table)
        << ", pointed at the new table under the swap's lock as "
        << sql::quote_identifier(sql::toggled_name(k.name)) << "\n";
  }
  out << "  chunk key: " << sql::quote_identifier(plan.chunk_key.index) << " ("
      << sql::quoted_list(plan.chunk_key.columns) << ")\n";
  out << "  estimated rows: " << plan.estimated_rows << "\n";
  if (settings.replicas.empty()) {
    out << "  replicas watched: none (name them with --replica, see --recursion-method)\n";
  } else {
    out << "  replicas watched, lag read from the heartbeat table "
        << sql::qualified_name(db, n.heartbeat) << "; the copy pauses and the cut-over waits "
        << "while one lags more than " << settings.max_lag << " s:\n";
    for (const auto& r : settings.replicas) out << "    " << r << "\n";
  }
  if (plan.mapping) {
    write_mapping(out, *plan.mapping);
    if (!plan.type_changes.empty()) {
      out << "  changed column definitions ("
          << (plan.allow_lossy ? "--allow-lossy: a value that does not fit is truncated or "
                                 "converted by the server, and these columns are not verified"
                               : "copied in strict mode: the first value that does not fit stops "
                                 "the run, naming its row; --allow-lossy lets the server truncate "
                                 "or convert it instead")
          << "):\n";
      for (const auto& change : plan.type_changes) out << "    " << change << "\n";
    }
    out << "  changed rows are found in the shadow through its index "
        << sql::quote_identifier(plan.row_key->index) << " ("
        << sql::quoted_list(plan.row_key->target_columns) << ")\n";
  } else {
    out << "  column mapping: known once the ALTER is applied to the shadow (use --dry-run)\n";
  }

  int step = 0;
  auto statement = [&](const std::string& text, const std::string& note = "") {
    out << "  " << ++step << ". " << text << ";" << (note.empty() ? "" : "  -- " + note) << "\n";
  };
  out << "Statements, in order:\n";
  statement(sql::create_table_like(db, n.shadow, plan.table));
  statement(sql::alter_table(db, n.shadow, plan.alter_clauses));
  if (plan.auto_increment) {
    statement(sql::set_auto_increment(db, n.shadow, *plan.auto_increment),
              "only if the ALTER leaves it lower");
  }
  statement(sql::create_checkpoint(db, n.checkpoint),
            "one row: the plan, the stage, the key the copy has reached");
  if (plan.has_shadow_details()) {
    statement(sql::create_change_log(change_log_spec(plan)));
  } else {
    statement("CREATE TABLE " + sql::qualified_name(db, n.change_log) +
              " (sequence and key columns; text shown by --dry-run)");
  }
  statement(sql::set_lock_wait_timeout(settings.lock_wait_timeout),
            "every lock below waits at most this long, then retries");
  statement(sql::lock_tables_write(db, {plan.table, n.change_log}));
  if (plan.has_shadow_details()) {
    const sql::TriggerSpec spec = trigger_spec(plan);
    for (const auto& t : sql::capture_triggers(spec)) statement(sql::create_trigger(spec, t));
  } else {
    statement("CREATE TRIGGER ... (three capture triggers; text shown by --dry-run)");
  }
  statement(sql::unlock_tables());
  if (plan.has_shadow_details()) {
    const sql::ChangeLogSpec log = change_log_spec(plan);
    out << "  Repeated per chunk, with bounds bound as parameters (READ COMMITTED, no row "
           "locks):\n";
    statement(sql::next_boundary(chunk_table(plan), true));
    statement(sql::copy_chunk(copy_spec(plan), true));
    out << "  After each chunk, per range of logged changes, in one transaction:\n";
    statement(sql::delete_changed_rows(log));
    statement(sql::copy_changed_rows(log));
    statement(sql::forget_changes(log));
  } else {
    statement(
        "INSERT INTO shadow SELECT ..., per chunk, then the logged changes (shown by "
        "--dry-run)");
  }
  statement(sql::analyze_table(db, n.shadow));
  out << "  The swap, up to " << settings.cutover_retries << " attempts:\n";
  statement(sql::lock_tables_write(swap_locked_tables(plan)),
            "session 1; then it applies the last logged changes");
  write_foreign_key_moves(plan, statement);
  statement(sql::swap_tables(db, plan.table, n.old, n.shadow),
            "session 2, queued behind session 1's lock");
  statement(sql::unlock_tables(), "session 1; the RENAME runs before any waiting writer");
  statement(sql::drop_trigger_if_exists(db, n.insert_trigger));
  statement(sql::drop_trigger_if_exists(db, n.update_trigger));
  statement(sql::drop_trigger_if_exists(db, n.delete_trigger));
  statement(sql::drop_table_if_exists(db, n.change_log));
  if (plan.drop_old_table) statement(sql::drop_table_if_exists(db, n.old));
  return out.str();
}

}  // namespace oa::plan
