// A client that keeps using a table in the simplest ways, a row of its own at
// a time, and notes every error and its slowest statement: what an
// application would have felt during a migration.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/test_server.h"
#include "support/writer_stats.h"

namespace sql {
class Connection;
class PreparedStatement;
}  // namespace sql

namespace oa::test {

// The row a probe owns, which nobody else may change.
struct ProbeTarget {
  std::string database;
  std::string table;
  std::string key_column;      // the table's single-column integer key
  std::uint64_t key = 0;       // the probe's row
  std::string counter_column;  // an integer column the probe sets to its round number
  // Every column of the table, key first, for copying the row (see ProbeOptions).
  std::vector<std::string> columns;
  // Keys of the probe's short-lived copies: scratch_keys_from, +1, ...; no one
  // else may use them.
  std::uint64_t scratch_keys_from = 0;
};

struct ProbeOptions {
  // Server-side prepared statements, kept and re-executed for the whole run;
  // otherwise plain text statements (sql::Statement) with literal values.
  bool prepared = true;
  // Each round, in one transaction: copy the row to a scratch key, set the
  // counter, delete the copy; so that every kind of write meets the table.
  // Otherwise one UPDATE of the counter in autocommit mode.
  bool insert_and_delete = false;
  std::chrono::milliseconds pause{0};  // between rounds
};

struct ProbeStats {
  // commits: rounds whose writes committed; errors by server error code
  // (kInconsistencyErrorCode: the row did not read back as written).
  WriterStats rounds;
  double longest_seconds = 0;      // the slowest single statement
  std::string longest_statement;   // its text
  std::uint64_t last_counter = 0;  // counter of the last committed round; 0 before the first

  // rounds.summary(), then "; slowest statement X s: <text>".
  std::string summary() const;
};

class ProbeClient {
 public:
  // Starts the probe's thread at once: rounds of [write, then SELECT of the
  // row, checking it shows the last committed counter]. Errors, failing
  // connections included, are counted, never thrown.
  ProbeClient(const TestServer& server, ProbeTarget target, ProbeOptions options);

  // Stops the thread if still running.
  ~ProbeClient();
  ProbeClient(const ProbeClient&) = delete;
  ProbeClient& operator=(const ProbeClient&) = delete;

  // Lets the current round finish and joins the thread. Idempotent.
  void stop();

  // What happened so far; callable while running.
  ProbeStats stats() const;

 private:
  // SQL text around the parameters: parts[0] param1 parts[1] ... param_n parts[n].
  using Parts = std::vector<std::string>;

  void run();
  void run_round();
  // Runs one statement, text or prepared as the options say (transaction
  // control always as text), and times it. Returns the rows a write affected,
  // or the first column of a query's first row (-1 for NULL or no row).
  std::int64_t timed(const Parts& parts, const std::vector<std::uint64_t>& params, bool query);
  sql::PreparedStatement& prepared(const std::string& statement);
  void rollback_after_error();

  TestServer server_;
  ProbeTarget target_;
  ProbeOptions options_;
  Parts update_, select_, copy_, delete_;
  WriterCounters counters_;
  mutable std::mutex mutex_;  // guards longest_*, last_counter_
  double longest_seconds_ = 0;
  std::string longest_statement_;
  std::uint64_t last_counter_ = 0;
  std::uint64_t round_ = 0;
  std::string running_;  // the statement being run, for error messages
  std::unique_ptr<sql::Connection> connection_;
  std::map<std::string, std::unique_ptr<sql::PreparedStatement>> prepared_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace oa::test
