// Concurrent writes to a test table with an independent record of every
// committed change: N threads, each owning its own rows, running short
// transactions of random INSERT / UPDATE / key UPDATE / DELETE, about one in ten
// ending in ROLLBACK. Each written row is read back inside its transaction and
// recorded in the server's text form once COMMIT succeeded.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "support/record.h"
#include "support/table_spec.h"
#include "support/test_server.h"
#include "support/writer_stats.h"

namespace oa::test {

class WriterThread;

struct WriterOptions {
  int threads = 4;
  double rate = 0;                // transactions per second over all threads; 0 = unlimited
  std::uint64_t first_new_n = 0;  // smallest n whose key no existing row uses
  std::uint64_t seed = 1;         // same seed, same sequence of choices per thread
};

class Writer {
 public:
  // Starts writing to `database`.`table` at once. `initial` must be the table's
  // exact content (see load_record); its rows are divided between the threads
  // (pass it with std::move when it is large). Errors, including failing
  // connections, are counted, never thrown.
  Writer(const TestServer& server, const TableSpec& spec, const std::string& database,
         const std::string& table, Record initial, WriterOptions options);

  // Stops the threads if still running.
  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // Asks every thread to finish its current transaction and joins them.
  // Idempotent.
  void stop();

  // Counters so far; callable while running.
  WriterStats stats() const;

  // Waits until at least `commits` transactions committed; returns false if
  // `timeout` passed first.
  bool wait_for_commits(std::uint64_t commits, std::chrono::milliseconds timeout) const;

  // The table's expected content: every committed change applied. Requires stop().
  Record record() const;

 private:
  TestServer server_;
  TableSpec spec_;
  WriterCounters counters_;
  std::atomic<bool> stop_{false};
  std::vector<std::unique_ptr<WriterThread>> workers_;
  std::vector<std::thread> threads_;
  bool stopped_ = false;
};

}  // namespace oa::test
