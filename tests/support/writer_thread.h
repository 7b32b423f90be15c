// One thread of the Writer: its own connection, its own rows, its own slice of
// the record. Rows are never shared between threads, so each slice is exact
// without any locking between them.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "support/record.h"
#include "support/table_reader.h"
#include "support/table_spec.h"
#include "support/test_server.h"
#include "support/write_statements.h"
#include "support/writer_stats.h"

namespace sql {
class Connection;
class PreparedStatement;
}  // namespace sql

namespace oa::test {

struct WriterThreadConfig {
  int index = 0;  // this thread's number, 0 <= index < thread_count
  int thread_count = 1;
  std::uint64_t first_new_n = 0;  // new keys use n >= this with n % thread_count == index
  double rate = 0;                // this thread's transactions per second; 0 = unlimited
  std::uint64_t seed = 1;
};

class WriterThread {
 public:
  // `owned` are the rows this thread may change (and nobody else). `server`,
  // `spec` and `counters` must outlive the thread object.
  WriterThread(const TestServer& server, const TableSpec& spec, const std::string& database,
               const std::string& table, Record owned, WriterThreadConfig config,
               WriterCounters& counters);
  ~WriterThread();
  WriterThread(const WriterThread&) = delete;
  WriterThread& operator=(const WriterThread&) = delete;

  // Runs transactions until `stop` becomes true. Call from the thread that
  // does the work; it never throws (failures are counted in `counters`).
  void run(const std::atomic<bool>& stop);

  // The rows this thread owns after every committed transaction so far. Only
  // valid once run() has returned.
  const Record& record() const { return committed_; }

 private:
  // The changes of the open transaction: record key -> new row, or nullopt
  // for a deleted row; applied to the record only after COMMIT succeeded.
  struct Pending {
    std::map<std::string, std::optional<Row>> changes;
    std::vector<std::string> new_keys;
  };

  void pace(const std::atomic<bool>& stop);
  void run_transaction();
  void insert_row(Pending& pending);
  void update_columns(Pending& pending);
  void update_key(Pending& pending);
  void delete_row(Pending& pending);
  // A random live row of this thread as the open transaction sees it.
  std::optional<std::pair<std::string, Row>> pick_row(const Pending& pending);
  Row read_back(const std::vector<std::string>& key_values, const char* after);
  std::vector<std::string> key_values_of(const Row& row) const;
  void apply(const Pending& pending);
  void add_live(const std::string& key);
  void remove_live(const std::string& key);
  sql::PreparedStatement& prepared(const std::string& statement);
  void ensure_connected();
  void rollback_after_error();
  void disconnect();

  const TestServer& server_;
  const TableSpec& spec_;
  WriteStatements statements_;
  TableReader reader_;
  WriterThreadConfig config_;
  WriterCounters& counters_;
  std::mt19937_64 rng_;
  std::uint64_t next_n_;

  Record committed_;
  std::vector<std::string> live_;  // record keys of committed_, for random picks
  std::unordered_map<std::string, std::size_t> live_position_;

  std::unique_ptr<sql::Connection> connection_;
  std::map<std::string, std::unique_ptr<sql::PreparedStatement>> prepared_;
  std::chrono::steady_clock::time_point next_start_;
};

}  // namespace oa::test
