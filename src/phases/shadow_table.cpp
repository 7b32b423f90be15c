#include "phases/shadow_table.h"

#include "db/db_error.h"
#include "error.h"
#include "log.h"
#include "schema/table_inspector.h"
#include "sql/ddl.h"
#include "sql/quote.h"

namespace oa::phases {

void register_shadow_removal(ServerAccess& server, const plan::MigrationPlan& plan,
                             CleanupStack& cleanup) {
  const std::string db = plan.database;
  const std::string shadow = plan.names.shadow;
  cleanup.push("shadow table " + sql::qualified_name(db, shadow), [&server, db, shadow] {
    db::Connection& cc = server.cleanup();
    db::with_lock_retries(cc, server.cleanup_policy(), "drop the shadow table",
                          [&] { cc.execute(sql::drop_table_if_exists(db, shadow)); });
  });
}

void carry_auto_increment(db::Connection& locker, const plan::MigrationPlan& plan) {
  const auto rows = locker.query(
      "SELECT TABLE_NAME, AUTO_INCREMENT FROM information_schema.TABLES "
      "WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (?, ?)",
      {db::Param{plan.database}, db::Param{plan.table}, db::Param{plan.names.shadow}});
  std::optional<std::uint64_t> original;
  std::optional<std::uint64_t> shadow;
  for (const auto& r : rows) {
    if (!r[0] || !r[1]) continue;
    (*r[0] == plan.table ? original : shadow) = std::stoull(*r[1]);
  }
  if (original && shadow && *shadow < *original) {
    locker.execute(sql::set_auto_increment(plan.database, plan.names.shadow, *original));
  }
}

schema::TableInfo create_shadow(ServerAccess& server, const plan::MigrationPlan& plan,
                                CleanupStack& cleanup) {
  db::Connection& c = server.main();
  const std::string& db = plan.database;
  const std::string& shadow = plan.names.shadow;
  c.execute(sql::create_table_like(db, shadow, plan.table));
  register_shadow_removal(server, plan, cleanup);
  log::info("created shadow table " + sql::qualified_name(db, shadow));
  try {
    c.execute(sql::alter_table(db, shadow, plan.alter_clauses));
  } catch (const db::DbError& e) {
    throw RefusedError("the server rejected the ALTER: " + e.server_text() + " (error " +
                       std::to_string(e.server_code()) +
                       "); it was tried on the empty shadow table only");
  }
  schema::TableInspector inspector(c);
  if (!inspector.table_type(db, shadow)) {
    throw RefusedError("after the ALTER, the shadow table " + sql::qualified_name(db, shadow) +
                       " is gone; the ALTER must not rename the table");
  }
  schema::TableInfo info = inspector.inspect(db, shadow);
  if (plan.auto_increment && info.auto_increment && *info.auto_increment < *plan.auto_increment) {
    // CREATE TABLE ... LIKE starts the counter at 1; without this the new table
    // would hand out again the ids of rows deleted from the top of the original.
    c.execute(sql::set_auto_increment(db, shadow, *plan.auto_increment));
  }
  log::info("applied the ALTER to the shadow table");
  return info;
}

}  // namespace oa::phases
