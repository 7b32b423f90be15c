#include "phases/change_capture.h"

#include "db/db_error.h"
#include "db/retry.h"
#include "log.h"
#include "phases/table_removal.h"
#include "schema/table_inspector.h"
#include "sql/change_log_sql.h"
#include "sql/ddl.h"
#include "sql/queries.h"
#include "sql/quote.h"

namespace oa::phases {
namespace {

// Creating or dropping the triggers one by one while clients run server-side
// prepared statements makes those statements fail with error 1146 on MariaDB
// 10.11 (measured: about 2 runs in 3); inside one LOCK TABLES no client can
// see a partial set (0 in 5). The server takes the locks in name order and the
// log's name sorts after T's, so T is locked first: while waiting for T this
// session holds nothing a client needs (locking the log first deadlocked with
// clients that had read T and then wrote it). LOCK TABLES is released even when
// a step fails.
//
// Not on Galera: LOCK TABLES is local to the node, and a DDL statement under
// it (TOI) waits for the other nodes' writes to T ordered before it, whose
// appliers wait for this session's lock. Measured with writes on a second
// node: DROP TRIGGER and the applier both "Waiting to execute in isolation"
// for over ten minutes, the whole cluster stalled, until the node was
// restarted. There the statements run one by one, each in the total order.
void under_table_locks(db::Connection& c, const plan::MigrationPlan& plan,
                       const std::vector<std::string>& statements) {
  if (plan.galera) {
    for (const auto& s : statements) c.execute(s);
    return;
  }
  c.execute(sql::lock_tables_write(plan.database, {plan.table, plan.names.change_log}));
  try {
    for (const auto& s : statements) c.execute(s);
  } catch (...) {
    try {
      c.execute(sql::unlock_tables());
    } catch (const db::DbError&) {
      // A lost session has released its locks.
    }
    throw;
  }
  c.execute(sql::unlock_tables());
}

std::vector<std::string> drop_statements(const plan::MigrationPlan& plan) {
  const auto& n = plan.names;
  return {sql::drop_trigger_if_exists(plan.database, n.insert_trigger),
          sql::drop_trigger_if_exists(plan.database, n.update_trigger),
          sql::drop_trigger_if_exists(plan.database, n.delete_trigger)};
}

// Trigger bodies run with the sql_mode of their creation. Not strict: a
// trigger must never fail the application's write.
constexpr const char* kTriggerSqlMode = "SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'";

// Drops whichever triggers exist and creates all three, in one LOCK TABLES:
// safe to run again after a lost connection.
void create_triggers(ServerAccess& server, const plan::MigrationPlan& plan) {
  const sql::TriggerSpec spec = plan::trigger_spec(plan);
  std::vector<std::string> statements = drop_statements(plan);
  for (const auto& t : sql::capture_triggers(spec))
    statements.push_back(sql::create_trigger(spec, t));
  db::Connection& c = server.main();
  db::with_retries(c, server.retry_policy(), "installing the capture triggers", [&] {
    c.set_session(kTriggerSqlMode);
    db::with_lock_retries(c, server.ddl_policy(), "install the capture triggers",
                          [&] { under_table_locks(c, plan, statements); });
  });
  log::info("installed capture triggers " +
            sql::quoted_list(
                {plan.names.insert_trigger, plan.names.update_trigger, plan.names.delete_trigger}));
}

}  // namespace

void register_capture_removal(ServerAccess& server, const plan::MigrationPlan& plan,
                              CleanupStack& cleanup) {
  const std::string& db = plan.database;
  const std::string log_table = plan.names.change_log;
  register_table_removal(server, cleanup, "change log", db, log_table);
  // The drop statements are idempotent, so registering before creating is
  // safe and covers a failure between two CREATE TRIGGERs.
  cleanup.push(
      "capture triggers on " + sql::qualified_name(plan.database, plan.table), [&server, plan] {
        db::Connection& cc = server.cleanup();
        try {
          db::with_lock_retries(cc, server.cleanup_policy(), "drop the capture triggers",
                                [&] { under_table_locks(cc, plan, drop_statements(plan)); });
        } catch (const db::DbError& e) {
          if (e.is_lock_conflict()) throw;
          // LOCK TABLES fails when the log is already gone; the triggers
          // must be removed all the same.
          for (const auto& s : drop_statements(plan)) cc.execute(s);
        }
      });
}

void install_capture(ServerAccess& server, const plan::MigrationPlan& plan, CleanupStack& cleanup) {
  server.main().execute(sql::create_change_log(plan::change_log_spec(plan)));
  register_capture_removal(server, plan, cleanup);
  log::info("created change log " + sql::qualified_name(plan.database, plan.names.change_log));
  create_triggers(server, plan);
}

void reinstall_capture_triggers(ServerAccess& server, const plan::MigrationPlan& plan) {
  create_triggers(server, plan);
}

std::optional<std::string> capture_problem(db::Connection& c, const plan::MigrationPlan& plan) {
  const std::string& db = plan.database;
  if (!schema::TableInspector(c).table_type(db, plan.names.change_log)) {
    return "the change log " + sql::qualified_name(db, plan.names.change_log) + " is gone";
  }
  for (const auto& t : sql::capture_triggers(plan::trigger_spec(plan))) {
    const auto rows = c.query(sql::trigger_definition(), {db::Param{db}, db::Param{t.name}});
    const std::string name = sql::qualified_name(db, t.name);
    if (rows.empty()) return "the trigger " + name + " is gone";
    const auto& r = rows.front();
    if (r[0] != plan.table || r[1] != t.event || r[2] != std::string("AFTER") || r[3] != t.body) {
      return "the trigger " + name + " is not the one this run created";
    }
  }
  return std::nullopt;
}

void create_way_back_log(ServerAccess& server, const plan::MigrationPlan& capture,
                         CleanupStack& cleanup) {
  db::Connection& c = server.main();
  const std::string& db = capture.database;
  const std::string log_table = capture.names.change_log;
  db::with_retries(c, server.retry_policy(), "creating the log for the way back", [&] {
    c.execute(sql::drop_table_if_exists(db, log_table));
    c.execute(sql::create_change_log(plan::change_log_spec(capture)));
  });
  register_table_removal(server, cleanup, "change log", db, log_table);
}

void create_way_back_triggers(db::Connection& c, const plan::MigrationPlan& capture) {
  const sql::TriggerSpec spec = plan::trigger_spec(capture);
  const db::Value previous = c.query_value("SELECT @@SESSION.sql_mode");
  c.execute(kTriggerSqlMode);
  for (const auto& s : drop_statements(capture)) c.execute(s);
  for (const auto& t : sql::capture_triggers(spec)) c.execute(sql::create_trigger(spec, t));
  c.update("SET SESSION sql_mode = ?", {db::Param{previous}});
}

void drop_way_back_triggers(db::Connection& c, const plan::MigrationPlan& capture) {
  for (const auto& s : drop_statements(capture)) c.execute(s);
}

void remove_capture_after_swap(ServerAccess& server, const plan::MigrationPlan& plan) {
  db::Connection& c = server.main();
  // Only _T_old carries them now and no application uses it: no lock contention.
  db::with_retries(c, server.retry_policy(), "dropping the capture triggers", [&] {
    db::with_lock_retries(c, server.ddl_policy(), "drop the capture triggers", [&] {
      for (const auto& s : drop_statements(plan)) c.execute(s);
      c.execute(sql::drop_table_if_exists(plan.database, plan.names.change_log));
    });
  });
  log::info("dropped the capture triggers and the change log");
}

}  // namespace oa::phases
