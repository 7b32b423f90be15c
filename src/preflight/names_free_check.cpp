#include "preflight/checks.h"
#include "sql/quote.h"

namespace oa::preflight {

CheckResult check_names_free(schema::TableInspector& inspector, const schema::TableInfo& table,
                             const plan::MigrationNames& names) {
  const std::string how =
      "online-alter cleanup --database " + table.database + " --table " + table.name;
  if (inspector.table_type(table.database, names.checkpoint)) {
    return "an earlier run on this table was stopped and left its work in " +
           sql::qualified_name(table.database, names.checkpoint) +
           ". Run the same command again with --resume to continue it, or remove what it left "
           "with `" +
           how + "`";
  }
  for (const auto* name : {&names.shadow, &names.change_log, &names.old}) {
    if (inspector.table_type(table.database, *name)) {
      return "table " + sql::qualified_name(table.database, *name) +
             " already exists, perhaps left by an earlier run; check it is not needed, then "
             "remove it with `" +
             how + (name == &names.old ? " --drop-old-table" : "") + "` and run again";
    }
  }
  for (const auto* name : {&names.insert_trigger, &names.update_trigger, &names.delete_trigger}) {
    if (inspector.trigger_exists(table.database, *name)) {
      return "trigger " + sql::qualified_name(table.database, *name) +
             " already exists, perhaps left by an earlier run; remove it with `" + how +
             "` and run again";
    }
  }
  return std::nullopt;
}

}  // namespace oa::preflight
