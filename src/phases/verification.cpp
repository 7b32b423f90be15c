#include "phases/verification.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>

#include "db/db_error.h"
#include "db/retry.h"
#include "error.h"
#include "interrupt.h"
#include "log.h"
#include "phases/range_worker.h"
#include "sql/chunk_sql.h"
#include "sql/quote.h"

namespace oa::phases {
namespace {

using Clock = std::chrono::steady_clock;

const char kOriginal[] = "the original";
const char kNewTable[] = "the new table";

// A repair that met a client's lock or lost certification is run again this
// often, pausing a little longer each time for the client to finish.
constexpr int kMaxConflictRetries = 20;
constexpr auto kConflictPause = std::chrono::milliseconds(50);

// Copies one range of the original into the shadow again, replacing what the
// shadow has there, in one transaction of the copy session (READ COMMITTED:
// a change made meanwhile is in the change log and is applied later).
void copy_again(ServerAccess& server, const plan::MigrationPlan& plan,
                const std::optional<Key>& lower, const std::optional<Key>& upper) {
  db::Connection& c = server.copy();
  const auto& source_key = plan.chunk_key.columns;
  const auto target_key =
      sql::keys_as_original(plan.row_key->target_columns, plan.row_key->collations);
  // Delete and copy again: the same result however often it runs. On Galera
  // the transaction can lose certification to a client's write on another
  // node (error 1213, measured with writes on a second node); it was rolled
  // back whole, so it is run again.
  for (int attempt = 1;; ++attempt) {
    try {
      db::with_retries(c, server.retry_policy(), "copying a range again", [&] {
        c.in_transaction([&] {
          c.update(sql::delete_rows_in_range(plan.database, plan.names.shadow, target_key,
                                             lower.has_value(), upper.has_value()),
                   bind_range(source_key, lower, upper, plan.chunk_key.binary));
          c.update(sql::copy_chunk(plan::copy_spec(plan), lower.has_value(), upper.has_value()),
                   bind_range(source_key, lower, upper, plan.chunk_key.binary));
        });
      });
      return;
    } catch (const db::DbError& e) {
      if (!e.is_lock_conflict() || attempt >= kMaxConflictRetries) throw;
      std::this_thread::sleep_for(kConflictPause * attempt);
    }
  }
}

// Where the ALTER changes the key's collation, a range of the original's keys
// is read from the shadow by a scan of the whole shadow (no index of the
// shadow orders its keys as the original does): few large ranges, then.
constexpr std::uint64_t kRecollatedRangeRows = 100000;

// True when the ALTER changes the collation of a key column: each compared
// range then reads the whole shadow.
bool compares_by_scan(const plan::MigrationPlan& plan) {
  return sql::any_collation_change(plan.row_key->collations);
}

std::uint64_t range_rows(const plan::MigrationPlan& plan, const VerifySettings& settings) {
  if (!compares_by_scan(plan)) return settings.chunk_size;
  return std::max(settings.chunk_size, kRecollatedRangeRows);
}

}  // namespace

ComparedTables original_and_shadow(const plan::MigrationPlan& plan) {
  ComparedTables t;
  t.db = plan.database;
  t.source = sql::VerifiedSide{plan.table, plan.chunk_key.index, plan.chunk_key.columns, {}, {}};
  t.target = sql::VerifiedSide{
      plan.names.shadow, plan.row_key->index, plan.row_key->target_columns, {}, {}};
  // The shadow's rows in a range of the original's keys, whatever the ALTER
  // does to the key's collation: an index of the shadow cannot serve such a
  // range, so each range reads the whole shadow (see docs).
  if (compares_by_scan(plan)) {
    t.target.key_forms =
        sql::keys_as_original(plan.row_key->target_columns, plan.row_key->collations);
  }
  for (const sql::ComparedColumn& column : plan.compared) {
    t.source.expressions.push_back(column.source);
    t.target.expressions.push_back(column.target);
  }
  t.binary = plan.chunk_key.binary;
  t.change_log = plan.names.change_log;
  return t;
}

namespace {

// Compares every range on settings.sessions workers; the ranges that
// differed are returned in the tally, for verify_shadow() to repair.
RangeTally compare_all(ServerAccess& server, Chunker& chunker, const plan::MigrationPlan& plan,
                       const VerifySettings& settings) {
  const ComparedTables tables = original_and_shadow(plan);
  PassProgress progress;
  std::vector<std::unique_ptr<RangeWorker>> workers;
  for (unsigned i = 0; i < std::max(1u, settings.sessions); ++i) {
    workers.push_back(std::make_unique<RangeWorker>(server, tables, progress));
  }
  std::size_t next = 0;
  for_each_range(
      chunker, range_rows(plan, settings),
      [&](const std::optional<Key>& lower, const std::optional<Key>& upper) {
        interrupt::check("during the verification");
        workers[next++ % workers.size()]->submit({lower, upper});
      },
      std::nullopt, server.retry_policy());
  RangeTally all;
  for (auto& worker : workers) {
    RangeTally t = worker->finish();
    all.ranges += t.ranges;
    all.rows += t.rows;
    all.skipped += t.skipped;
    all.differing.insert(all.differing.end(), t.differing.begin(), t.differing.end());
  }
  return all;
}

}  // namespace

VerifyStats verify_shadow(ServerAccess& server, db::Connection& c, const plan::MigrationPlan& plan,
                          const VerifySettings& settings) {
  const auto started = Clock::now();
  const ChunkComparer comparer(original_and_shadow(plan));
  const db::RetryPolicy& retry = server.retry_policy();
  Chunker chunker(c, plan::chunk_table(plan), plan.chunk_key.binary);
  const RangeTally tally = compare_all(server, chunker, plan, settings);
  VerifyStats stats{tally.ranges, tally.rows, tally.skipped, 0, 0, 0};
  for (const auto& [lower, upper] : tally.differing) {
    interrupt::check("during the verification");
    const std::string range = range_text(plan.chunk_key.columns, lower, upper);
    RangeComparison r = compare_retrying(comparer, c, retry, lower, upper);
    if (!r.equal()) {
      ++stats.mismatches;
      log::warning("verification: the tables differ in " +
                   describe_difference(r, range, kOriginal, kNewTable) +
                   ". Copying this range again");
      copy_again(server, plan, lower, upper);
      r = compare_retrying(comparer, c, retry, lower, upper);
      if (!r.equal()) {
        throw Error(ExitCode::kVerificationFailed,
                    "verification failed: after copying it again, the new table still differs "
                    "from " +
                        sql::qualified_name(plan.database, plan.table) + " in " +
                        describe_difference(r, range, kOriginal, kNewTable) +
                        ". Nothing was swapped. The ALTER may change values in a way the "
                        "comparison does not expect; compare the rows named above");
      }
      ++stats.repaired;
      log::info("verification: " + range + " is equal after copying it again");
    }
    ++stats.chunks;
    stats.rows += r.source.rows() + r.skipped;
    stats.skipped += r.skipped;
  }
  stats.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  log::info("verification passed: " + std::to_string(stats.chunks) + " ranges, " +
            std::to_string(stats.rows) + " rows compared in " + log::seconds_text(stats.seconds) +
            " after the copy (" + std::to_string(stats.skipped) +
            " rows with changes still to apply left out), " + std::to_string(stats.mismatches) +
            " ranges differed, " + std::to_string(stats.repaired) +
            " repaired by copying them again");
  return stats;
}

}  // namespace oa::phases
