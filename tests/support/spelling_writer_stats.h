// What the SpellingWriter's transactions came to: commits, the committed
// changes of each kind, and failures (each rolled back) by error code.
#pragma once

#include <array>
#include <cstdint>
#include <mutex>
#include <string>

#include "support/writer_stats.h"

namespace oa::test {

// The one operation of a SpellingWriter transaction.
enum class SpellingOperation { kInsert, kDelete, kUpdateValue, kRespell, kRespace };
constexpr std::size_t kSpellingOperationCount = 5;

// "insert", "delete", "update v", "respell", "respace".
const char* describe(SpellingOperation operation);

struct SpellingWriterStats {
  // Commits and failures; `rollbacks` stays 0 (every rollback follows an
  // error). `first_errors` holds the first message of each error code, so the
  // expected duplicate keys never hide another error.
  WriterStats transactions;
  // Committed transactions whose statement changed a row, by operation.
  std::array<std::uint64_t, kSpellingOperationCount> changes{};

  std::uint64_t changes_of(SpellingOperation operation) const;

  // Committed changes of a key's spelling: respells and respaces.
  std::uint64_t spelling_changes() const;

  // The counts accumulated since `earlier` (a snapshot of the same writer);
  // the first error messages stay those of the whole run.
  SpellingWriterStats since(const SpellingWriterStats& earlier) const;

  // "changed rows: insert N, ..., respace N; transactions: " and
  // WriterStats::summary() (the first error messages on the following lines).
  std::string summary() const;
};

// Thread-safe accumulation of SpellingWriterStats.
class SpellingWriterCounters {
 public:
  // A commit; `changed` when its statement changed a row.
  void add_commit(SpellingOperation operation, bool changed);
  void add_error(int code, const std::string& message);
  SpellingWriterStats snapshot() const;

 private:
  mutable std::mutex mutex_;
  SpellingWriterStats stats_;  // guarded by mutex_
};

}  // namespace oa::test
