#include "preflight/checks.h"

namespace oa::preflight {

// Row-based replication applies rows without firing triggers: on a replica
// the change log would miss every replicated write, and the new table with
// it. A read_only server is usually a replica, or one about to become one.
CheckResult check_not_replica(const schema::ServerRole& role) {
  if (role.replica_threads > 0) {
    return "this server is a replica (" + std::to_string(role.replica_threads) +
           " replication thread(s) running): replicated rows do not fire triggers, so the new "
           "table would miss them. Run the migration on the primary; --allow-on-replica "
           "overrides this when nothing replicates into this table";
  }
  if (role.read_only) {
    return "this server is read_only, as replicas usually are: replicated rows do not fire "
           "triggers, so the new table would miss them. Run the migration on the primary; "
           "--allow-on-replica overrides this when nothing replicates into this table";
  }
  return std::nullopt;
}

}  // namespace oa::preflight
