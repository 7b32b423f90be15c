#include "phases/range_worker.h"

#include "db/db_error.h"
#include "interrupt.h"
#include "log.h"

namespace oa::phases {
namespace {

// An ALTER of the shadow that commits after a range's snapshot began makes
// reading the shadow in it fail with this error; the range is read again.
constexpr int kTableDefinitionChanged = 1412;  // ER_TABLE_DEF_CHANGED
constexpr int kMaxDefinitionRetries = 5;

}  // namespace

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

RangeWorker::RangeWorker(ServerAccess& server, const ComparedTables& tables, PassProgress& progress)
    : session_(server.open_copy_session()),
      comparer_(tables),
      retry_(server.retry_policy()),
      progress_(progress) {
  thread_ = std::thread([this] { run(); });
}

RangeWorker::~RangeWorker() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
    abandon_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RangeWorker::submit(KeyRange range) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.push_back(std::move(range));
  }
  wake_.notify_all();
}

void RangeWorker::run() {
  try {
    for (;;) {
      KeyRange range;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return closing_ || !queue_.empty(); });
        if (abandon_ || queue_.empty()) return;
        range = std::move(queue_.front());
        queue_.pop_front();
      }
      interrupt::check("during the verification");
      record(range, compare_retrying(comparer_, *session_, retry_, range.first, range.second));
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    error_ = std::current_exception();
  }
}

void RangeWorker::record(const KeyRange& range, const RangeComparison& r) {
  std::lock_guard<std::mutex> lock(mutex_);
  // A range that differs is counted when it is compared again after its repair.
  if (!r.equal()) {
    tally_.differing.push_back(range);
    return;
  }
  ++tally_.ranges;
  tally_.rows += r.source.rows() + r.skipped;
  tally_.skipped += r.skipped;
  const std::uint64_t ranges = ++progress_.ranges;
  const std::uint64_t rows = progress_.rows += r.source.rows() + r.skipped;
  log::event(log::Level::kDebug, "verify_progress", "", {{"ranges", ranges}, {"rows", rows}});
}

RangeTally RangeWorker::finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (error_) std::rethrow_exception(error_);
  return tally_;
}

}  // namespace oa::phases
