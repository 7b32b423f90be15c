#include "phases/verification.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "db/db_error.h"
#include "db/retry.h"
#include "error.h"
#include "interrupt.h"
#include "log.h"
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

// An ALTER of the shadow that commits after a range's snapshot began makes
// reading the shadow in it fail with this error; the range is read again.
constexpr int kTableDefinitionChanged = 1412;  // ER_TABLE_DEF_CHANGED
constexpr int kMaxDefinitionRetries = 5;

RangeComparison compare_retrying(const ChunkComparer& comparer, db::Connection& c,
                                 const db::RetryPolicy& retry, const std::optional<Key>& lower,
                                 const std::optional<Key>& upper) {
  RangeComparison result;
  db::with_retries(c, retry, "comparing a range", [&] {
    for (int attempt = 1;; ++attempt) {
      try {
        result = comparer.compare(c, lower, upper);
        return;
      } catch (const db::DbError& e) {
        if (e.server_code() != kTableDefinitionChanged || attempt >= kMaxDefinitionRetries) throw;
      }
    }
  });
  return result;
}

// Where the ALTER changes the key's collation, a range of the original's keys
// is read from the shadow by a scan of the whole shadow (no index of the
// shadow orders its keys as the original does): few large ranges, then.
constexpr std::uint64_t kRecollatedRangeRows = 100000;

std::uint64_t range_rows(const plan::MigrationPlan& plan, const VerifySettings& settings) {
  if (!compares_by_scan(plan)) return settings.chunk_size;
  return std::max(settings.chunk_size, kRecollatedRangeRows);
}

}  // namespace

bool compares_by_scan(const plan::MigrationPlan& plan) {
  return sql::any_collation_change(plan.row_key->collations);
}

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

ConcurrentVerifier::ConcurrentVerifier(ServerAccess& server, const plan::MigrationPlan& plan)
    : session_(server.open_copy_session()),
      comparer_(original_and_shadow(plan)),
      retry_(server.retry_policy()) {
  thread_ = std::thread([this] { run(); });
}

ConcurrentVerifier::~ConcurrentVerifier() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
    abandon_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ConcurrentVerifier::submit(const std::optional<Key>& lower, const Key& upper) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.emplace_back(lower, upper);
  }
  wake_.notify_all();
}

void ConcurrentVerifier::run() {
  try {
    for (;;) {
      std::pair<std::optional<Key>, Key> range;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return closing_ || !queue_.empty(); });
        if (abandon_ || queue_.empty()) return;
        range = queue_.front();
        queue_.pop_front();
      }
      const RangeComparison r =
          compare_retrying(comparer_, *session_, retry_, range.first, range.second);
      std::lock_guard<std::mutex> lock(mutex_);
      result_.verified_up_to = range.second;
      // Counted when verify_shadow() compares it again.
      if (!r.equal()) {
        result_.differing.emplace_back(range.first, range.second);
        continue;
      }
      VerifyStats& stats = result_.stats;
      ++stats.chunks;
      stats.rows += r.source.rows() + r.skipped;
      stats.skipped += r.skipped;
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    error_ = std::current_exception();
  }
}

EarlyVerification ConcurrentVerifier::finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (error_) std::rethrow_exception(error_);
  return result_;
}

VerifyStats verify_shadow(ServerAccess& server, db::Connection& c, const plan::MigrationPlan& plan,
                          const VerifySettings& settings, const EarlyVerification* early) {
  const auto started = Clock::now();
  const ChunkComparer comparer(original_and_shadow(plan));
  const db::RetryPolicy& retry = server.retry_policy();
  Chunker chunker(c, plan::chunk_table(plan), plan.chunk_key.binary);
  VerifyStats stats;
  auto check = [&](const std::optional<Key>& lower, const std::optional<Key>& upper) {
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
    log::event(log::Level::kDebug, "verify_progress", "",
               {{"ranges", stats.chunks}, {"rows", stats.rows}});
  };
  std::optional<Key> start;
  if (early) {
    stats = early->stats;
    start = early->verified_up_to;
    for (const auto& [lower, upper] : early->differing) check(lower, upper);
  }
  for_each_range(chunker, range_rows(plan, settings), check, start, retry);
  stats.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  const std::string when = early ? " (" + std::to_string(early->stats.chunks) +
                                       " of them while copying), " + std::to_string(stats.rows) +
                                       " rows compared, the rest in " +
                                       log::seconds_text(stats.seconds) + " after the copy"
                                 : ", " + std::to_string(stats.rows) + " rows compared in " +
                                       log::seconds_text(stats.seconds);
  log::info("verification passed: " + std::to_string(stats.chunks) + " ranges" + when + " (" +
            std::to_string(stats.skipped) + " rows with changes still to apply left out), " +
            std::to_string(stats.mismatches) + " ranges differed, " +
            std::to_string(stats.repaired) + " repaired by copying them again");
  return stats;
}

}  // namespace oa::phases
