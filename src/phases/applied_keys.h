// Phase 7b: the rows the tool writes after the verification pass compared
// them. From the moment the pass begins, the applier reports every key it
// writes to the shadow: rows the application changed after their range was
// compared, and rows the pass left out because their key was still logged.
// Each is compared again by key once the change log no longer holds it:
// while the cut-over waits, right before the swap's lock, and under that
// lock for the last ones, so that at the swap every row of the new table has
// been compared after the tool's last write to it. A key whose rows differ is
// logged again, for the applier to copy once more; if it differs again, the
// run stops with status 9.
#pragma once

#include <cstdint>
#include <mutex>
#include <set>
#include <vector>

#include "db/connection.h"
#include "db/retry.h"
#include "phases/change_applier.h"
#include "phases/chunk_comparer.h"
#include "plan/migration_plan.h"

namespace oa::phases {

struct AppliedKeyStats {
  std::uint64_t compared = 0;    // keys compared again after the tool wrote them
  std::uint64_t under_lock = 0;  // of those, under the swap's lock
  std::uint64_t repaired = 0;    // keys copied again because their rows differed
};

class AppliedKeys {
 public:
  // Requires plan.has_shadow_details(). Reads outside the swap's lock ride
  // out lost connections as `retry` says.
  AppliedKeys(const plan::MigrationPlan& plan, db::RetryPolicy retry);

  // From now on, records every key `applier` writes to the shadow. Call
  // before the verification pass begins.
  void follow(ChangeApplier& applier);

  // Compares the rows of every recorded key on `c` and forgets the key;
  // a key the change log holds now is left out (the applier writes it again
  // later, which records it again). Rows that differ are logged and applied
  // again with `applier`, then compared again; throws
  // Error(ExitCode::kVerificationFailed) naming them when they differ after
  // that. `locked`: `c` holds the swap's LOCK TABLES (no transaction, and
  // the log is empty); otherwise `c` is a READ COMMITTED session that
  // ChangeApplier::apply() may use.
  void compare(db::Connection& c, ChangeApplier& applier, bool locked);

  // Keys recorded and not compared yet.
  std::size_t pending() const;

  AppliedKeyStats stats() const;

 private:
  void add(const std::vector<db::Row>& keys);
  std::vector<Key> take();
  // Logs `keys` again and applies them; throws when one was copied again before.
  void copy_again(db::Connection& c, ChangeApplier& applier, const std::vector<Key>& keys,
                  bool locked);

  const plan::MigrationPlan& plan_;
  ChunkComparer comparer_;
  db::RetryPolicy retry_;
  mutable std::mutex mutex_;
  std::set<Key> pending_;
  std::set<Key> copied_again_;
  AppliedKeyStats stats_;
};

}  // namespace oa::phases
