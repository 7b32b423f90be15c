// The immutable description of one migration: names, keys, mapping and the
// statements they give. Built once from the options and the inspected tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "plan/column_mapping.h"
#include "plan/key_choice.h"
#include "plan/names.h"
#include "schema/table_info.h"
#include "sql/change_log_sql.h"
#include "sql/chunk_sql.h"
#include "sql/ddl.h"
#include "sql/foreign_keys.h"
#include "sql/triggers.h"
#include "sql/verify_sql.h"

namespace oa::plan {

struct MigrationPlan {
  std::string database;
  std::string table;
  std::string alter_clauses;
  MigrationNames names;
  ChunkKey chunk_key;
  std::uint64_t estimated_rows = 0;
  std::optional<std::uint64_t> auto_increment;  // the original's next value
  bool drop_old_table = true;
  // Copy without strict mode: a value the new type cannot hold is truncated
  // or converted by the server instead of stopping the run.
  bool allow_lossy = false;
  // Known once the ALTER has been applied to the shadow (dry run and execute).
  std::optional<ColumnMapping> mapping;
  std::optional<RowKey> row_key;
  // How the verification reads each copied column on both sides. With
  // allow_lossy, the columns whose definition changes are left out: their
  // values are what the server's conversion made of them.
  std::vector<sql::ComparedColumn> compared;
  // Copied columns whose type, nullability or charset the ALTER changes,
  // each as "`c` varchar(100) -> varchar(5)": values may not fit.
  std::vector<std::string> type_changes;

  // The table's own triggers (not the tool's): moved to the new table at
  // the swap, in the order they fire, with their definer and sql_mode.
  std::vector<schema::Trigger> user_triggers;

  // T's own foreign keys, with T's column names; the same constraints with
  // the shadow's column names (known with the shadow). Both move at the swap.
  std::vector<sql::ForeignKey> foreign_keys;
  std::vector<sql::ForeignKey> shadow_foreign_keys;
  // Other tables' constraints that reference T (--alter-foreign-keys-method
  // rebuild_constraints): pointed at the new table at the swap.
  std::vector<sql::ForeignKey> child_foreign_keys;

  // A Galera cluster (wsrep_on) and its size: --execute is refused there
  // (preflight/galera_check.cpp); the plan and --dry-run report it.
  bool galera = false;
  std::uint64_t cluster_nodes = 0;

  bool has_shadow_details() const { return mapping.has_value() && row_key.has_value(); }
};

// The plan before a shadow exists. Requires a chunk key (checked in preflight).
MigrationPlan plan_for(const schema::TableInfo& original, const std::string& alter_clauses,
                       bool drop_old_table);

// The same plan completed with what the shadow's real definition says. Throws
// RefusedError when the shadow has no index to find changed rows by, or when
// the ALTER drops a column of T's foreign keys or changes one that other
// tables' foreign keys reference.
MigrationPlan with_shadow(MigrationPlan plan, const schema::TableInfo& original,
                          const schema::TableInfo& shadow);

// with_shadow() for a mapping already known (a revert maps the columns
// back the way the swap mapped them).
MigrationPlan with_mapping(MigrationPlan plan, const schema::TableInfo& original,
                           const schema::TableInfo& shadow, ColumnMapping mapping);

// Statement inputs; require has_shadow_details().
sql::TriggerSpec trigger_spec(const MigrationPlan& plan);
sql::ChangeLogSpec change_log_spec(const MigrationPlan& plan);
sql::CopySpec copy_spec(const MigrationPlan& plan);
sql::ChunkTable chunk_table(const MigrationPlan& plan);

// What the swap locks: T, the log and the shadow, then the child tables
// whose constraints move under the lock.
std::vector<sql::TableName> swap_locked_tables(const MigrationPlan& plan);

// How the server describes `column` of `table`, for sql::compare_as.
sql::ColumnType column_type(const schema::TableInfo& table, const std::string& column);

}  // namespace oa::plan
