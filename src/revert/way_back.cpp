#include "revert/way_back.h"

#include <cmath>

#include "error.h"
#include "plan/key_choice.h"
#include "plan/revert_plan.h"
#include "revert/revert_window.h"
#include "sql/change_log_sql.h"
#include "sql/ddl.h"
#include "sql/quote.h"

namespace oa::revert {

void check_revertible(const plan::MigrationPlan& plan, const schema::TableInfo& shadow) {
  if (!plan.foreign_keys.empty() || !plan.child_foreign_keys.empty()) {
    throw RefusedError(
        "--revertible is not supported for a table with foreign keys (its own or "
        "other tables' referencing it): a revert would have to move them back. "
        "Run without --revertible");
  }
  const auto key = plan::choose_chunk_key(shadow);
  if (!key || key->columns != plan.row_key->target_columns) {
    throw RefusedError("--revertible needs the new table's primary key to be the old one's (" +
                       sql::quoted_list(plan.row_key->target_columns) +
                       "): a revert finds rows by it. Run without --revertible");
  }
}

std::string duration_text(double seconds) {
  const auto whole = [](double v) { return std::fabs(v - std::round(v)) < 1e-9; };
  if (seconds >= 3600 && whole(seconds / 3600))
    return std::to_string(static_cast<long>(seconds / 3600)) + "h";
  if (seconds >= 60 && whole(seconds / 60))
    return std::to_string(static_cast<long>(seconds / 60)) + "m";
  return std::to_string(static_cast<long>(seconds)) + "s";
}

namespace {

std::string triggers_of(const plan::MigrationNames& n) {
  return sql::quoted_list({n.insert_trigger, n.update_trigger, n.delete_trigger});
}

std::string drops(const std::string& db, const plan::MigrationNames& n) {
  std::string text;
  for (const auto* t : {&n.insert_trigger, &n.update_trigger, &n.delete_trigger}) {
    text += "    " + sql::drop_trigger_if_exists(db, *t) + ";\n";
  }
  return text + "    " + sql::drop_table_if_exists(db, n.change_log) + ";\n";
}

}  // namespace

std::string way_back_text(const plan::MigrationPlan& plan, const schema::TableInfo& original,
                          const schema::TableInfo& shadow, double window_seconds) {
  const std::string& db = plan.database;
  // The tables as a revert will find them: the new one under T's name, the
  // old one as _T_old, the second capture set on T.
  schema::TableInfo current = shadow;
  current.name = plan.table;
  schema::TableInfo kept = original;
  kept.name = plan.names.old;
  const plan::MigrationPlan back =
      plan::revert_plan(current, kept, plan::carried_columns(plan), true);
  const sql::ChangeLogSpec log = plan::change_log_spec(back);
  const std::string old_name = sql::qualified_name(db, plan.names.old);
  std::string text = "Way back (--revertible, window " + duration_text(window_seconds) + "):\n";
  text += "  after the swap " + old_name + " is kept; triggers " + triggers_of(back.names) +
          " on " + sql::quote_identifier(plan.table) + " log the keys of changed rows in " +
          sql::quote_identifier(back.names.change_log) + "\n";
  if (!back.mapping->dropped.empty()) {
    text += "  not carried back (only the new table has them): " +
            sql::quoted_list(back.mapping->dropped) + "\n";
  }
  if (!back.mapping->added.empty()) {
    text += "  only the old table has " + sql::quoted_list(back.mapping->added) +
            ": rows changed after the swap get their defaults there\n";
  }
  text += "  revert:   " + revert_command(db, plan.table) + "\n";
  text += "    applies the logged changes to " + old_name + ", in batches:\n";
  text += "    " + sql::delete_changed_rows(log) + ";\n";
  text += "    " + sql::copy_changed_rows(log) + ";\n";
  text += "    compares the two tables range by range (XXH3), then swaps them:\n";
  text += "    " + sql::rename_table(db, plan.names.old, plan.names.shadow) + ";\n";
  text += "    " + sql::swap_tables(db, plan.table, plan.names.old, plan.names.shadow) +
          "; (under a short LOCK TABLES, as the migration's swap)\n";
  text += "    and drops the capture set the newer table leaves with:\n" + drops(db, back.names);
  text += "  finalize: " + finalize_command(db, plan.table) + "\n";
  text += drops(db, back.names);
  text += "    " + sql::drop_table_if_exists(db, plan.names.old) + ";\n";
  text += "    " + sql::drop_table_if_exists(db, plan.names.checkpoint) + ";\n";
  return text;
}

}  // namespace oa::revert
