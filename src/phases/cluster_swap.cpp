#include "phases/cluster_swap.h"

#include <chrono>

#include "sql/ddl.h"

// Why one RENAME is a correct swap on Galera. Under TOI the RENAME is
// replicated before it runs and every node runs it at the same point of the
// cluster's total order: after every writeset ordered before it has been
// applied, before any ordered after it. A write ordered before it changed T
// and, through its trigger, the shadow, in one writeset; a write ordered
// after it finds the new table under T's name. So the new table lacks no
// committed write, whichever node took it, and no last apply is needed. A
// node-local LOCK TABLES could not give that: writes on other nodes would
// pass it (and a TOI statement issued under it stalls the cluster).

namespace oa::phases {

SwapTimings swap_on_cluster(ServerAccess& server, const plan::MigrationPlan& plan,
                            unsigned lock_wait_timeout,
                            const std::function<void()>& before_rename) {
  using Clock = std::chrono::steady_clock;
  before_rename();
  db::Connection& c = server.main();
  c.execute(sql::set_lock_wait_timeout(lock_wait_timeout));
  const auto started = Clock::now();
  c.execute(sql::swap_tables(plan.database, plan.table, plan.names.old, plan.names.shadow));
  SwapTimings timings;
  timings.locked_ms = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
  return timings;
}

}  // namespace oa::phases
