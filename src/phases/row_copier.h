// Phase 5: copies the original's rows into the shadow, chunk by chunk along the key.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "phases/change_applier.h"
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
  double progress_interval = 5;
};

class RowCopier {
 public:
  RowCopier(ServerAccess& server, const plan::MigrationPlan& plan, CopySettings settings,
            Throttler& throttler, ChangeApplier& applier);

  // Copies every row whose key is at most the table's largest key when the copy
  // starts (later rows reach the shadow through the change log), and applies
  // the logged changes after every chunk so the log stays short. Throws DbError
  // or Error on failure; the caller cleans up.
  CopyStats run();

  // Called after each chunk is copied, with its range (lower < key <= upper).
  using ChunkListener = std::function<void(const std::optional<Key>&, const Key&)>;
  void on_chunk_copied(ChunkListener listener) { listener_ = std::move(listener); }

 private:
  // Applies what the log holds now; a lock conflict leaves it for next time.
  std::uint64_t apply_changes(db::Connection& c, const UncopiedKeys& uncopied);

  const plan::MigrationPlan& plan_;
  ServerAccess& server_;
  CopySettings settings_;
  Throttler& throttler_;
  ChangeApplier& applier_;
  ChunkListener listener_;
};

}  // namespace oa::phases
