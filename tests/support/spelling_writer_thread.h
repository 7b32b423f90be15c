// One thread of the SpellingWriter: its own connection, its own random
// choices. Threads share the keys, so they lock the same rows, most of all
// the hot ones; the twin stays exact because each transaction either commits
// its change to both tables or to neither.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <random>
#include <string>

#include "support/spelling_statements.h"
#include "support/spelling_writer.h"
#include "support/spelling_writer_stats.h"
#include "support/statement_session.h"
#include "support/test_server.h"
#include "support/twin_tables.h"

namespace oa::test {

class SpellingWriterThread {
 public:
  // Thread number `index` of options.threads. `server`, `options` and
  // `counters` must outlive the thread object.
  SpellingWriterThread(const TestServer& server, const TwinTables& tables,
                       const SpellingWriterOptions& options, int index,
                       SpellingWriterCounters& counters);
  ~SpellingWriterThread();
  SpellingWriterThread(const SpellingWriterThread&) = delete;
  SpellingWriterThread& operator=(const SpellingWriterThread&) = delete;

  // Runs transactions until `stop` becomes true. Call from the thread that
  // does the work; it never throws (failures are counted in `counters`).
  void run(const std::atomic<bool>& stop);

 private:
  // The same change for the table and for its twin.
  struct Change {
    SpellingOperation operation;
    ParameterizedStatement on_table;
    ParameterizedStatement on_twin;
  };

  Change choose_change();
  // A random spelling of base word `base`, with trailing spaces if the options say so.
  std::string spelling_of(std::size_t base);
  void run_transaction();
  void rollback_after_error();

  const TestServer& server_;
  const SpellingWriterOptions& options_;
  const SpellingStatements table_statements_;
  const SpellingStatements twin_statements_;
  SpellingWriterCounters& counters_;
  std::mt19937_64 rng_;
  std::unique_ptr<StatementSession> session_;  // null until connected, and after a lost connection
};

}  // namespace oa::test
