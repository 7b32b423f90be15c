#include "preflight/preflight.h"

#include "error.h"
#include "log.h"
#include "preflight/checks.h"

namespace oa::preflight {
namespace {

void require(const CheckResult& result) {
  if (result) throw RefusedError(*result);
}

}  // namespace

schema::TableInfo run_preflight(schema::TableInspector& inspector, const std::string& database,
                                const std::string& table, const sql::AlterText& alter,
                                const PreflightSettings& settings) {
  require(check_alter_text(alter));
  // Before the table's existence: an account without SELECT sees no table.
  require(check_privileges(inspector.held_privileges(database), database));
  require(check_table_exists(inspector, database, table));
  schema::TableInfo info = inspector.inspect(database, table);
  const plan::MigrationNames names = plan::derive_names(table);
  // First: for a stopped run's leftovers, the message says how to resume or
  // clean up.
  if (!settings.resuming) require(check_names_free(inspector, info, names));
  require(check_engine(info));
  require(check_chunk_key(info));
  require(check_foreign_keys(info, settings.rebuild_child_constraints));
  const schema::ServerRole role = inspector.server_role();
  if (!settings.allow_on_replica) require(check_not_replica(role));
  require(check_galera(role, info));
  if (settings.executing) require(check_galera_execute(role));
  log::info("preflight checks passed");
  return info;
}

}  // namespace oa::preflight
