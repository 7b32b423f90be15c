#include "preflight/checks.h"
#include "sql/quote.h"

namespace oa::preflight {

CheckResult check_names_free(schema::TableInspector& inspector, const schema::TableInfo& table,
                             const plan::MigrationNames& names) {
  for (const auto* name : {&names.shadow, &names.change_log, &names.old}) {
    if (inspector.table_type(table.database, *name)) {
      return "table " + sql::qualified_name(table.database, *name) +
             " already exists, perhaps left by an earlier run; check it is not needed, drop it "
             "(see sql/recovery.sql) and run again";
    }
  }
  for (const auto* name : {&names.insert_trigger, &names.update_trigger, &names.delete_trigger}) {
    if (inspector.trigger_exists(table.database, *name)) {
      return "trigger " + sql::qualified_name(table.database, *name) +
             " already exists, perhaps left by an earlier run; drop it (see sql/recovery.sql) "
             "and run again";
    }
  }
  return std::nullopt;
}

}  // namespace oa::preflight
