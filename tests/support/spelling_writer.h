// Concurrent writers on a table whose key has many spellings, each change
// mirrored into an untouched twin table: N threads, each transaction one
// operation on a random key (base word, n), run on `table` and then on `twin`:
// an insert of a random spelling (which fails when the key exists), a delete,
// an update of v, or a change of only the key's spelling (letter case and
// accents; with trailing spaces, also of only the trailing spaces). Any error
// rolls back the whole transaction, so the two tables stay equal row for row
// and byte for byte: the twin is the record of what `table` must hold.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "support/spelling_writer_stats.h"
#include "support/statement_session.h"
#include "support/test_server.h"
#include "support/twin_tables.h"

namespace oa::test {

class SpellingWriterThread;

struct SpellingWriterOptions {
  int threads = 8;  // the issue's
  ClientMode mode = ClientMode::kText;
  // Spellings end in 0 to kMaxTrailingSpaces spaces, and half of the spelling
  // changes change only the trailing spaces.
  bool trailing_spaces = false;
  std::int64_t key_numbers = 1000;        // n is drawn from [0, key_numbers)
  std::vector<std::int64_t> hot_numbers;  // ... or, hot_percent of the time, from these
  int hot_percent = 30;                   // the issue's
  std::uint64_t seed = 1;                 // same seed, same sequence of choices per thread
};

class SpellingWriter {
 public:
  // Starts writing to both `tables` at once; both must have the columns
  // (name, n, v) with PRIMARY KEY (name, n) in utf8mb4_general_ci and hold the
  // same rows. Errors, including failing connections, are counted, never thrown.
  SpellingWriter(const TestServer& server, const TwinTables& tables,
                 const SpellingWriterOptions& options);

  // Stops the threads if still running.
  ~SpellingWriter();
  SpellingWriter(const SpellingWriter&) = delete;
  SpellingWriter& operator=(const SpellingWriter&) = delete;

  // Asks every thread to finish its current transaction and joins them. Idempotent.
  void stop();

  // Counters so far; callable while running.
  SpellingWriterStats stats() const { return counters_.snapshot(); }

 private:
  const TestServer server_;
  const SpellingWriterOptions options_;  // the threads read it
  SpellingWriterCounters counters_;
  std::atomic<bool> stop_{false};
  std::vector<std::unique_ptr<SpellingWriterThread>> workers_;
  std::vector<std::thread> threads_;
  bool stopped_ = false;
};

}  // namespace oa::test
