#include "support/writer_thread.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>

#include <stdexcept>
#include <thread>

#include "support/parameter_binder.h"
#include "support/sql_text.h"
#include "support/text_query.h"

namespace oa::test {
namespace {

constexpr int kRollbackPercent = 10;  // transactions that end in ROLLBACK on purpose
constexpr int kMaxOperations = 4;     // operations per transaction: 1 to this
// Operation mix, in percent; the rest are DELETEs. As many deletes as inserts
// keep the table's size steady however long the writer runs.
constexpr unsigned kInsertPercent = 25;
constexpr unsigned kUpdatePercent = 40;
constexpr unsigned kKeyUpdatePercent = 10;
constexpr auto kReconnectPause = std::chrono::milliseconds(100);  // no busy loop on a dead server
constexpr auto kMaxPacingDebt = std::chrono::seconds(1);  // a stalled thread does not burst later
constexpr auto kStopCheck = std::chrono::milliseconds(50);

// Client-side error codes (2000-2999) mean the connection is unusable.
bool is_connection_error(int code) { return code >= 2000 && code < 3000; }

// A change the table did not show: the record can no longer be trusted.
class Inconsistency : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace

WriterThread::WriterThread(const TestServer& server, const TableSpec& spec,
                           const std::string& database, const std::string& table, Record owned,
                           WriterThreadConfig config, WriterCounters& counters)
    : server_(server),
      spec_(spec),
      statements_(spec, qualified_name(database, table)),
      reader_(spec, database, table),
      config_(config),
      counters_(counters),
      rng_(config.seed * 1000003 + static_cast<std::uint64_t>(config.index)),
      committed_(std::move(owned)) {
  const auto count = static_cast<std::uint64_t>(config_.thread_count);
  const auto index = static_cast<std::uint64_t>(config_.index);
  next_n_ = config_.first_new_n + (index + count - config_.first_new_n % count) % count;
  for (const auto& entry : committed_.rows()) add_live(entry.first);
}

WriterThread::~WriterThread() { disconnect(); }

void WriterThread::run(const std::atomic<bool>& stop) {
  next_start_ = std::chrono::steady_clock::now();
  while (!stop) {
    pace(stop);
    if (stop) break;
    try {
      ensure_connected();
    } catch (const sql::SQLException& e) {
      counters_.add_error(e.getErrorCode(), std::string("connect: ") + e.what());
      std::this_thread::sleep_for(kReconnectPause);
      continue;
    }
    run_transaction();
  }
  disconnect();
}

void WriterThread::pace(const std::atomic<bool>& stop) {
  if (config_.rate <= 0) return;
  const auto interval = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(1.0 / config_.rate));
  const auto now = std::chrono::steady_clock::now();
  if (next_start_ < now - kMaxPacingDebt) next_start_ = now - kMaxPacingDebt;
  for (auto at = now; !stop && at < next_start_; at = std::chrono::steady_clock::now()) {
    std::this_thread::sleep_for(
        std::min<std::chrono::steady_clock::duration>(next_start_ - at, kStopCheck));
  }
  next_start_ += interval;
}

void WriterThread::run_transaction() {
  const bool roll_back = static_cast<int>(rng_() % 100) < kRollbackPercent;
  const int operations = 1 + static_cast<int>(rng_() % kMaxOperations);
  Pending pending;
  try {
    execute_sql(*connection_, "START TRANSACTION");
    for (int i = 0; i < operations; ++i) {
      const unsigned choice = static_cast<unsigned>(rng_() % 100);
      if (choice < kInsertPercent || live_.empty()) {
        insert_row(pending);
      } else if (choice < kInsertPercent + kUpdatePercent) {
        update_columns(pending);
      } else if (choice < kInsertPercent + kUpdatePercent + kKeyUpdatePercent) {
        update_key(pending);
      } else {
        delete_row(pending);
      }
    }
    if (roll_back) {
      execute_sql(*connection_, "ROLLBACK");
      counters_.add_rollback();
      return;
    }
  } catch (const sql::SQLException& e) {
    counters_.add_error(e.getErrorCode(), e.what());
    rollback_after_error();
    return;
  } catch (const std::exception& e) {
    counters_.add_error(kInconsistencyErrorCode, e.what());
    rollback_after_error();
    return;
  }
  try {
    execute_sql(*connection_, "COMMIT");
  } catch (const sql::SQLException& e) {
    // After a lost connection the outcome of COMMIT is unknown; the message says
    // so, because the record may then disagree with the table.
    counters_.add_error(e.getErrorCode(), std::string("COMMIT failed (outcome unknown if the "
                                                      "connection was lost): ") +
                                              e.what());
    rollback_after_error();
    return;
  }
  apply(pending);
  counters_.add_commit();
}

void WriterThread::insert_row(Pending& pending) {
  const std::vector<std::string> key_values = spec_.key_for(next_n_);
  next_n_ += static_cast<std::uint64_t>(config_.thread_count);
  sql::PreparedStatement& statement = prepared(statements_.insert());
  ParameterBinder binder(statement);
  for (const std::string& value : key_values) binder.bind(value);
  for (const ColumnSpec& column : spec_.columns) binder.bind(column.generate(rng_), column.binary);
  statement.executeUpdate();
  Row row = read_back(key_values, "INSERT");
  const std::string key = spec_.record_key(row);
  pending.changes[key] = std::move(row);
  pending.new_keys.push_back(key);
}

void WriterThread::update_columns(Pending& pending) {
  auto target = pick_row(pending);
  if (!target) return;
  std::vector<std::size_t> indexes;
  if (rng_() % 2 == 0) {
    for (std::size_t i = 0; i < spec_.columns.size(); ++i) indexes.push_back(i);
  } else {
    indexes.push_back(static_cast<std::size_t>(rng_() % spec_.columns.size()));
  }
  const std::vector<std::string> key_values = key_values_of(target->second);
  sql::PreparedStatement& statement = prepared(statements_.update_columns(indexes));
  ParameterBinder binder(statement);
  for (std::size_t index : indexes) {
    binder.bind(spec_.columns[index].generate(rng_), spec_.columns[index].binary);
  }
  for (const std::string& value : key_values) binder.bind(value);
  statement.executeUpdate();
  pending.changes[target->first] = read_back(key_values, "UPDATE");
}

void WriterThread::update_key(Pending& pending) {
  auto target = pick_row(pending);
  if (!target) return;
  const std::vector<std::string> old_values = key_values_of(target->second);
  const std::vector<std::string> new_values = spec_.key_for(next_n_);
  next_n_ += static_cast<std::uint64_t>(config_.thread_count);
  sql::PreparedStatement& statement = prepared(statements_.update_key());
  ParameterBinder binder(statement);
  for (const std::string& value : new_values) binder.bind(value);
  for (const std::string& value : old_values) binder.bind(value);
  if (statement.executeUpdate() != 1) {
    throw Inconsistency("key UPDATE changed no row at " + spec_.describe_key(target->second));
  }
  Row row = read_back(new_values, "key UPDATE");
  const std::string new_key = spec_.record_key(row);
  pending.changes[target->first] = std::nullopt;
  pending.changes[new_key] = std::move(row);
  pending.new_keys.push_back(new_key);
}

void WriterThread::delete_row(Pending& pending) {
  auto target = pick_row(pending);
  if (!target) return;
  sql::PreparedStatement& statement = prepared(statements_.delete_row());
  ParameterBinder binder(statement);
  for (const std::string& value : key_values_of(target->second)) binder.bind(value);
  if (statement.executeUpdate() != 1) {
    throw Inconsistency("DELETE removed no row at " + spec_.describe_key(target->second));
  }
  pending.changes[target->first] = std::nullopt;
}

std::optional<std::pair<std::string, Row>> WriterThread::pick_row(const Pending& pending) {
  const std::size_t total = live_.size() + pending.new_keys.size();
  if (total == 0) return std::nullopt;
  const std::size_t pick = static_cast<std::size_t>(rng_() % total);
  const std::string& key =
      pick < live_.size() ? live_[pick] : pending.new_keys[pick - live_.size()];
  auto change = pending.changes.find(key);
  if (change != pending.changes.end()) {
    if (!change->second) return std::nullopt;  // deleted earlier in this transaction
    return std::make_pair(key, *change->second);
  }
  return std::make_pair(key, *committed_.find(key));
}

Row WriterThread::read_back(const std::vector<std::string>& key_values, const char* after) {
  std::optional<Row> row = reader_.read_row(*connection_, key_values);
  if (!row) {
    throw Inconsistency(std::string("row not found right after its ") + after + " (key " +
                        printable(key_values.front()) + ")");
  }
  return std::move(*row);
}

std::vector<std::string> WriterThread::key_values_of(const Row& row) const {
  std::vector<std::string> values;
  for (std::size_t i = 0; i < spec_.key.size(); ++i) values.push_back(row.at(i).value_or(""));
  return values;
}

void WriterThread::apply(const Pending& pending) {
  for (const auto& [key, row] : pending.changes) {
    if (row) {
      committed_.put(key, *row);
      add_live(key);
    } else {
      committed_.erase(key);
      remove_live(key);
    }
  }
}

void WriterThread::add_live(const std::string& key) {
  if (live_position_.count(key) != 0) return;
  live_position_[key] = live_.size();
  live_.push_back(key);
}

void WriterThread::remove_live(const std::string& key) {
  auto found = live_position_.find(key);
  if (found == live_position_.end()) return;
  const std::size_t position = found->second;
  live_position_.erase(found);
  if (position + 1 != live_.size()) {
    live_[position] = std::move(live_.back());
    live_position_[live_[position]] = position;
  }
  live_.pop_back();
}

sql::PreparedStatement& WriterThread::prepared(const std::string& statement) {
  auto found = prepared_.find(statement);
  if (found != prepared_.end()) return *found->second;
  std::unique_ptr<sql::PreparedStatement> handle(connection_->prepareStatement(statement));
  return *prepared_.emplace(statement, std::move(handle)).first->second;
}

void WriterThread::ensure_connected() {
  if (connection_) return;
  connection_ = server_.connect();
}

void WriterThread::rollback_after_error() {
  try {
    execute_sql(*connection_, "ROLLBACK");
  } catch (const sql::SQLException& e) {
    // Whatever the reason, a connection that cannot roll back is replaced; the
    // server rolls the transaction back when the connection closes.
    disconnect();
    if (!is_connection_error(e.getErrorCode())) {
      counters_.add_error(e.getErrorCode(), std::string("ROLLBACK: ") + e.what());
    }
    std::this_thread::sleep_for(kReconnectPause);
  }
}

void WriterThread::disconnect() {
  prepared_.clear();
  connection_.reset();
}

}  // namespace oa::test
