#include "preflight/checks.h"
#include "sql/quote.h"

namespace oa::preflight {
namespace {

bool has_primary_key(const schema::TableInfo& table) {
  return !table.indexes.empty() && table.indexes.front().name == "PRIMARY";
}

}  // namespace

// What a Galera node needs beyond a single server. Under RSU the DDL runs on
// this node only: the shadow, the triggers and the RENAME would exist here and
// nowhere else, while the other nodes go on writing the old table. Galera
// certifies rows by primary key (DELETE on a table without one is
// unsupported). LOCK TABLES is local to one node, so the lock relay that
// moves the table's own triggers and foreign keys at the swap holds no writer
// on the other nodes back; such tables are refused.
CheckResult check_galera(const schema::ServerRole& role, const schema::TableInfo& table) {
  if (!role.wsrep_on) return std::nullopt;
  const std::string name = sql::qualified_name(table.database, table.name);
  if (role.osu_method != "TOI") {
    return "this Galera node runs DDL with wsrep_OSU_method=" + role.osu_method +
           ", which applies it on this node only: the new table, the triggers and the swap would "
           "exist on one node while the others keep writing the old table. Run SET GLOBAL "
           "wsrep_OSU_method=TOI (or SET SESSION for the session that runs the tool), then run "
           "again";
  }
  if (!has_primary_key(table)) {
    return "table " + name +
           " has no PRIMARY KEY; Galera certifies and applies rows by primary key (a DELETE on "
           "a table without one does not replicate correctly). Add a primary key first";
  }
  if (!table.triggers.empty()) {
    return "table " + name +
           " has triggers of its own; moving them to the new table at the swap needs LOCK "
           "TABLES, which on Galera holds back writers on this node only. Drop them for the "
           "migration and create them again afterwards, or use the server's ALTER TABLE";
  }
  if (!table.foreign_keys.empty() || !table.referenced_by.empty()) {
    return "table " + name +
           " has or is referenced by foreign keys; moving them at the swap needs LOCK TABLES, "
           "which on Galera holds back writers on this node only. Use the server's ALTER TABLE";
  }
  return std::nullopt;
}

// Why --execute is refused on Galera for now. Measured on a three-node
// cluster with the application writing (scripts/galera.sh, README "Galera"):
// with the single-server design, copy chunks brought back rows another node
// had deleted meanwhile and kept stale ones (certification compares written
// rows only, and a delete of a row not yet copied writes none in the shadow),
// the lock relay at the swap holds writers on one node only, and DDL under
// LOCK TABLES stalled the whole cluster. Without LOCK TABLES the triggers are
// created one at a time, and application writes went on without the later
// ones, silently: the binary log showed DELETEs and UPDATEs on both writing
// nodes without any of their trigger's rows (likely statements prepared while
// only some triggers existed; see sql/triggers.h). A fix for that (an
// instant ADD and DROP of an INVISIBLE column; README "Galera") still
// lost rows on a fresh cluster, and the tool's own DDL in TOI stalled the
// cluster behind a node's applier for minutes, with one applier thread.
// Until capture is made correct there, a run that would change the table is
// refused.
CheckResult check_galera_execute(const schema::ServerRole& role) {
  if (!role.wsrep_on) return std::nullopt;
  return "this server is a Galera node: --execute is not supported on Galera yet. With "
         "application writes on the cluster, a migration can lose or bring back rows that other "
         "nodes change meanwhile (measured; see the README, \"Galera\"). Use --dry-run to test "
         "the ALTER; change the table with the server's ALTER TABLE (TOI), or node by node with "
         "RSU";
}

}  // namespace oa::preflight
