// Phase 7: proves, before the swap, that the shadow holds the original's rows.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include "phases/change_applier.h"
#include "phases/chunk_comparer.h"
#include "phases/server_access.h"
#include "plan/migration_plan.h"

namespace oa::phases {

struct VerifySettings {
  std::uint64_t chunk_size = 20000;  // rows of the original per compared range
};

struct VerifyStats {
  std::uint64_t chunks = 0;
  std::uint64_t rows = 0;        // rows compared on the original's side
  std::uint64_t skipped = 0;     // left out because their keys were still logged
  std::uint64_t mismatches = 0;  // ranges that differed at first
  std::uint64_t repaired = 0;    // of those, ranges equal after copying them again
  double seconds = 0;
};

// The comparison of the original with the shadow: every column they share
// (mapped through renames; generated shadow columns left out), keys through
// the chunk key and the shadow's row key, logged keys left out.
ComparedTables original_and_shadow(const plan::MigrationPlan& plan);

// True when the ALTER changes the collation of a key column: each compared
// range then reads the whole shadow, so ranges are few and large, and none is
// compared while the copy runs.
bool compares_by_scan(const plan::MigrationPlan& plan);

// What ConcurrentVerifier found while the copy ran.
struct EarlyVerification {
  VerifyStats stats;  // of the ranges that were equal
  std::vector<std::pair<std::optional<Key>, std::optional<Key>>> differing;  // to check again
  std::optional<Key> verified_up_to;  // every key up to this one was compared
};

// Compares the ranges the copy has finished, on a thread and a session of its
// own, while the copy goes on (the copy works in the server, the comparison
// mostly in the client). A range that differs is only noted: copying it again
// now would race with the applier; verify_shadow() checks it again later.
class ConcurrentVerifier {
 public:
  ConcurrentVerifier(ServerAccess& server, const plan::MigrationPlan& plan);
  // Stops after the range in hand, unread ranges left, when finish() was not called.
  ~ConcurrentVerifier();
  ConcurrentVerifier(const ConcurrentVerifier&) = delete;
  ConcurrentVerifier& operator=(const ConcurrentVerifier&) = delete;

  // Queues lower < key <= upper, a range the copy has finished. Thread-safe.
  void submit(const std::optional<Key>& lower, const Key& upper);

  // Waits until every queued range is compared; rethrows the thread's error.
  EarlyVerification finish();

 private:
  void run();

  std::unique_ptr<db::Connection> session_;
  ChunkComparer comparer_;
  db::RetryPolicy retry_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::pair<std::optional<Key>, Key>> queue_;
  bool closing_ = false;
  bool abandon_ = false;
  std::exception_ptr error_;
  EarlyVerification result_;
  std::thread thread_;
};

// Walks the original along its chunk key and compares every range with the
// same range of the shadow (the last range open-ended, so rows only the
// shadow has are found too). A range that differs is reported, copied again
// from the original in one transaction, and compared again; when it still
// differs, throws Error(ExitCode::kVerificationFailed) naming the range, the
// counts, the checksums and the keys. Requires that nothing else writes the
// shadow meanwhile (the applier runs on the same thread).
// Reads on `reader`, a session of its own (so that it can run while the
// shadow's indexes are built on the main one: a range whose snapshot the
// index build invalidates is read again); copies again on server.copy().
// With `early`, only its differing ranges and the keys past its
// verified_up_to are compared, and its counts are included.
VerifyStats verify_shadow(ServerAccess& server, db::Connection& reader,
                          const plan::MigrationPlan& plan, const VerifySettings& settings,
                          const EarlyVerification* early = nullptr);

}  // namespace oa::phases
