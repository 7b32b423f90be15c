#include "phases/row_copier.h"

#include <chrono>
#include <thread>

#include "db/db_error.h"
#include "db/retry.h"
#include "error.h"
#include "log.h"
#include "phases/chunk_comparer.h"
#include "phases/chunk_sizer.h"
#include "phases/chunker.h"
#include "phases/misfit_row.h"
#include "sql/quote.h"

namespace oa::phases {
namespace {

using Clock = std::chrono::steady_clock;

// A chunk that meets a client's lock fails at once (the copy never waits) and
// is retried smaller. The bound only stops a copy that can make no progress.
constexpr unsigned kMaxConsecutiveLockRetries = 500;
constexpr auto kLockRetryPause = std::chrono::milliseconds(5);
constexpr unsigned kMaxPauseSteps = 20;  // pause grows to 100 ms
// A chunk that meets a duplicate key is copied again after the log is
// applied. A value moved between rows resolves once the move's entries are
// applied, which waits for any transaction still open that holds an earlier
// entry; one the table holds twice never resolves. 10 retries with pauses
// growing by 10 ms wait about half a second in all.
constexpr unsigned kMaxDuplicateRetries = 10;
constexpr auto kDuplicateRetryPause = std::chrono::milliseconds(10);

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

RowCopier::RowCopier(ServerAccess& server, const plan::MigrationPlan& plan, CopySettings settings,
                     Throttler& throttler, ChangeApplier& applier, Checkpoint& checkpoint)
    : plan_(plan),
      server_(server),
      settings_(settings),
      throttler_(throttler),
      applier_(applier),
      checkpoint_(checkpoint) {}

CopyStats RowCopier::run(const CopyStart& start) {
  db::Connection& c = server_.copy();
  Chunker chunker(c, plan::chunk_table(plan_), plan_.chunk_key.binary);
  ChunkSizer sizer(settings_.chunk_time, settings_.chunk_size, settings_.chunk_size_max);
  CopyProgress progress(plan_.estimated_rows);
  const sql::CopySpec spec = plan::copy_spec(plan_);
  const auto& columns = spec.from.columns;
  CopyStats stats;
  stats.rows_examined = start.rows;
  stats.rows_inserted = start.rows;
  stats.chunks = start.chunks;
  progress.update(stats, 0);  // the estimate, before the first chunk
  const auto started = Clock::now();
  const db::RetryPolicy& retry = server_.retry_policy();

  std::optional<Key> end = start.end;
  if (!end) db::with_retries(c, retry, "reading the copy's end", [&] { end = chunker.last_key(); });
  if (!end) {
    log::info("copy: the table is empty; the change log carries every new row");
    return stats;
  }
  if (start.after) log::info("copy: resuming after the checkpoint's key");
  std::optional<Key> lower = start.after;
  unsigned conflicts = 0;
  unsigned duplicates = 0;  // of the current chunk
  for (;;) {
    server_.check_run_lock();
    throttler_.wait();
    if (settings_.controls != nullptr) {
      if (auto seconds = settings_.controls->chunk_time()) sizer.set_target_seconds(*seconds);
    }
    const std::uint64_t size = sizer.rows();
    std::optional<Key> upper;
    db::with_retries(c, retry, "finding the next chunk",
                     [&] { upper = chunker.boundary(lower, *end, size); });
    const bool last = !upper;
    if (last) upper = end;

    const std::vector<db::Param> params = bind_range(columns, lower, upper, chunker.binary());

    const auto chunk_start = Clock::now();
    std::uint64_t inserted = 0;
    try {
      bool again = false;
      db::with_retries(c, retry, "copying chunk " + std::to_string(stats.chunks + 1), [&] {
        c.in_transaction([&] {
          if (again) {
            // The connection was lost: did the chunk commit before?
            const auto saved = checkpoint_.read(c);
            if (saved && saved->copied_up_to == upper) {
              inserted = saved->rows_copied - stats.rows_inserted;
              return;
            }
          }
          again = true;
          inserted = c.update(sql::copy_chunk(spec, lower.has_value()), params);
          checkpoint_.record_chunk(c, *end, *upper, inserted);
        });
      });
    } catch (const db::DbError& e) {
      if (e.server_code() == db::kErrDuplicateKey && ++duplicates <= kMaxDuplicateRetries) {
        // The application may have moved the value from a copied row to one
        // of this chunk: the shadow holds it under the old row until the log
        // is applied. Apply it and copy the chunk again; a duplicate that
        // stays is the table's own.
        std::this_thread::sleep_for(kDuplicateRetryPause * duplicates);
        stats.changes_applied += apply_changes(c, UncopiedKeys{lower, *end, chunker.binary()});
        log::info("copy: the chunk met a duplicate key; applied the log, copying it again");
        continue;
      }
      if (!e.is_lock_conflict()) throw copy_failure(c, chunker, spec, lower, *upper, size, e);
      if (++conflicts > kMaxConsecutiveLockRetries) {
        throw Error(ExitCode::kMigrationFailed,
                    "a chunk met clients' row locks " + std::to_string(conflicts) +
                        " times in a row; the table is too busy to copy now. Run again later");
      }
      ++stats.lock_retries;
      sizer.shrink();
      std::this_thread::sleep_for(kLockRetryPause * std::min(conflicts, kMaxPauseSteps));
      continue;
    }
    conflicts = 0;
    duplicates = 0;
    sizer.observe(size, seconds_since(chunk_start));
    // The last range holds fewer rows than `size`; count what it inserted.
    stats.rows_examined += last ? inserted : size;
    stats.rows_inserted += inserted;
    ++stats.chunks;
    stats.seconds = seconds_since(started);
    if (!last) {
      stats.changes_applied += apply_changes(c, UncopiedKeys{upper, *end, chunker.binary()});
    }
    progress.update(stats, size);
    if (last) break;
    lower = upper;
    if (settings_.sleep > 0) {
      std::this_thread::sleep_for(std::chrono::duration<double>(settings_.sleep));
    }
  }
  stats.seconds = seconds_since(started);
  log::info("copy finished: " + std::to_string(stats.rows_inserted) + " rows copied in " +
            std::to_string(stats.chunks) + " chunks, " + std::to_string(stats.lock_retries) +
            " chunks retried after meeting a client's lock, " +
            std::to_string(stats.changes_applied) + " logged changes applied");
  return stats;
}

Error RowCopier::copy_failure(db::Connection& c, Chunker& chunker, const sql::CopySpec& spec,
                              const std::optional<Key>& lower, const Key& upper, std::uint64_t rows,
                              const db::DbError& e) {
  const std::string failed = "copying a chunk into the shadow failed: " + e.server_text() +
                             " (server error " + std::to_string(e.server_code()) + ")";
  if (!is_misfit_error(e)) {
    return Error(ExitCode::kMigrationFailed,
                 failed +
                     ". If rows are duplicates under a UNIQUE key the ALTER adds, or under "
                     "the collation it gives a key (error 1062 names the key and the value), "
                     "change the ALTER or fix the data first");
  }
  std::string row = "a row of this chunk";
  try {
    if (auto key = find_misfit_row(c, chunker, spec, lower, upper, rows)) {
      row = "the row with " + sql::quoted_list(plan_.chunk_key.columns) + " = " +
            describe_key(db::Row(key->begin(), key->end()), key->size());
    }
  } catch (const db::DbError&) {
    // Naming the row is a courtesy; the failure is reported either way.
  }
  return Error(ExitCode::kMigrationFailed,
               failed + ": a value of " + row +
                   " does not fit the new column definition. Nothing was swapped. Fix the "
                   "value, change the ALTER, or run with --allow-lossy to let the server "
                   "truncate or convert such values (the plan lists the changed columns)");
}

std::uint64_t RowCopier::apply_changes(db::Connection& c, const UncopiedKeys& uncopied) {
  try {
    return applier_.apply(c, uncopied);
  } catch (const db::DbError& e) {
    if (!e.is_lock_conflict()) throw;
    return 0;  // the entries stay in the log; the next round applies them
  }
}

}  // namespace oa::phases
