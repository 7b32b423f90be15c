// Phase 5: copies the original's rows into the shadow, chunk by chunk along the key.
#pragma once

#include <cstdint>
#include <optional>

#include "control/run_controls.h"
#include "db/db_error.h"
#include "phases/change_applier.h"
#include "phases/checkpoint.h"
#include "phases/copy_progress.h"
#include "phases/server_access.h"
#include "phases/throttler.h"
#include "plan/migration_plan.h"

namespace oa::phases {

struct CopySettings {
  double chunk_time = 0.5;
  std::uint64_t chunk_size = 0;  // 0 = adaptive
  std::uint64_t chunk_size_max = 20000;
  double sleep = 0;
  // The control socket's chunk time, read before each chunk; may be nullptr.
  const control::RunControls* controls = nullptr;
};

// Where a resumed copy goes on: after `after` (nullopt: from the start), up
// to `end` (nullopt: the table's largest key now), with the counts so far.
struct CopyStart {
  std::optional<Key> after;
  std::optional<Key> end;
  std::uint64_t rows = 0;
  std::uint64_t chunks = 0;
};

class RowCopier {
 public:
  RowCopier(ServerAccess& server, const plan::MigrationPlan& plan, CopySettings settings,
            Throttler& throttler, ChangeApplier& applier, Checkpoint& checkpoint);

  // Copies every row whose key is at most the table's largest key when the copy
  // starts (later rows reach the shadow through the change log), and applies
  // the logged changes after every chunk so the log stays short. Each chunk
  // and its checkpoint commit together; a chunk cut off by a lost connection
  // is copied again unless the checkpoint shows it committed. Throws DbError
  // or Error on failure; the caller cleans up.
  CopyStats run(const CopyStart& start = {});

 private:
  // The error that ends the run when chunk (lower, upper] fails with `e`;
  // names the row when a value does not fit.
  Error copy_failure(db::Connection& c, Chunker& chunker, const sql::CopySpec& spec,
                     const std::optional<Key>& lower, const Key& upper, std::uint64_t rows,
                     const db::DbError& e);
  // Applies what the log holds now; a lock conflict leaves it for next time.
  std::uint64_t apply_changes(db::Connection& c, const UncopiedKeys& uncopied);

  const plan::MigrationPlan& plan_;
  ServerAccess& server_;
  CopySettings settings_;
  Throttler& throttler_;
  ChangeApplier& applier_;
  Checkpoint& checkpoint_;
};

}  // namespace oa::phases
