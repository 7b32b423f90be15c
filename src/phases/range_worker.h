// Compares key ranges of the original and the shadow on a thread and a
// session of its own, so that the comparison (mostly in the client) overlaps
// what the main session does meanwhile (the deferred index build, in the server).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "db/connection.h"
#include "db/retry.h"
#include "phases/chunk_comparer.h"
#include "phases/server_access.h"

namespace oa::phases {

using KeyRange = std::pair<std::optional<Key>, std::optional<Key>>;  // lower < key <= upper

// What the workers of one pass found, added up.
struct RangeTally {
  std::uint64_t ranges = 0;   // compared and equal
  std::uint64_t rows = 0;     // of the original in those ranges
  std::uint64_t skipped = 0;  // of those, left out: their key was logged
  std::vector<KeyRange> differing;
};

// Counts shared by the workers of one pass, for its progress events.
struct PassProgress {
  std::atomic<std::uint64_t> ranges{0};
  std::atomic<std::uint64_t> rows{0};
};

class RangeWorker {
 public:
  // `progress` must outlive the worker.
  RangeWorker(ServerAccess& server, const ComparedTables& tables, PassProgress& progress);
  // Stops after the range in hand, unread ranges left, when finish() was not called.
  ~RangeWorker();
  RangeWorker(const RangeWorker&) = delete;
  RangeWorker& operator=(const RangeWorker&) = delete;

  // Queues a range to compare. Thread-safe.
  void submit(KeyRange range);

  // Waits until every queued range is compared; rethrows the thread's error.
  RangeTally finish();

 private:
  void run();
  void record(const KeyRange& range, const RangeComparison& r);

  std::unique_ptr<db::Connection> session_;
  ChunkComparer comparer_;
  db::RetryPolicy retry_;
  PassProgress& progress_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<KeyRange> queue_;
  bool closing_ = false;
  bool abandon_ = false;
  std::exception_ptr error_;
  RangeTally tally_;
  std::thread thread_;
};

// Compares one range, reading it again when an ALTER of the shadow (the
// deferred index build) invalidated its snapshot (error 1412); rides out lost
// connections as `retry` says.
RangeComparison compare_retrying(const ChunkComparer& comparer, db::Connection& c,
                                 const db::RetryPolicy& retry, const std::optional<Key>& lower,
                                 const std::optional<Key>& upper);

}  // namespace oa::phases
