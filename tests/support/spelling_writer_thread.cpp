#include "support/spelling_writer_thread.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "support/key_spellings.h"
#include "support/sql_text.h"

namespace oa::test {
namespace {

// Operation mix, in percent; the rest change a key's spelling. Twice as many
// inserts as deletes keep a hot key present about two thirds of the time, so
// that its rows are both changed and replaced.
constexpr unsigned kInsertPercent = 30;
constexpr unsigned kDeletePercent = 15;
constexpr unsigned kUpdateValuePercent = 25;
constexpr unsigned kRespacePercentOfSpellings = 50;               // with trailing spaces only
constexpr std::int64_t kMaxValue = 1000000;                       // v is drawn from [0, kMaxValue)
constexpr auto kReconnectPause = std::chrono::milliseconds(100);  // no busy loop on a dead server

// The two tables disagreed: the table lost or gained a row its twin has not.
class Inconsistency : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace

SpellingWriterThread::SpellingWriterThread(const TestServer& server, const TwinTables& tables,
                                           const SpellingWriterOptions& options, int index,
                                           SpellingWriterCounters& counters)
    : server_(server),
      options_(options),
      table_statements_(qualified_name(tables.database, tables.table)),
      twin_statements_(qualified_name(tables.database, tables.twin)),
      counters_(counters),
      rng_(options.seed * 1000003 + static_cast<std::uint64_t>(index)) {}

SpellingWriterThread::~SpellingWriterThread() = default;

void SpellingWriterThread::run(const std::atomic<bool>& stop) {
  while (!stop) {
    if (!session_) {
      try {
        session_ = std::make_unique<StatementSession>(server_.connect(), options_.mode);
      } catch (const sql::SQLException& e) {
        counters_.add_error(e.getErrorCode(), std::string("connect: ") + e.what());
        std::this_thread::sleep_for(kReconnectPause);
        continue;
      }
    }
    run_transaction();
  }
  session_.reset();
}

std::string SpellingWriterThread::spelling_of(std::size_t base) {
  std::string spelling = random_spelling(base_word(base), rng_);
  if (options_.trailing_spaces) spelling += random_trailing_spaces(rng_);
  return spelling;
}

SpellingWriterThread::Change SpellingWriterThread::choose_change() {
  const std::size_t base = static_cast<std::size_t>(rng_() % kBaseWordCount);
  const bool hot =
      !options_.hot_numbers.empty() && static_cast<int>(rng_() % 100) < options_.hot_percent;
  const std::int64_t n =
      hot ? options_.hot_numbers[static_cast<std::size_t>(rng_() % options_.hot_numbers.size())]
          : static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(options_.key_numbers));
  // The key is named by any of its spellings, rarely the one the row holds.
  const std::string name = spelling_of(base);
  const unsigned choice = static_cast<unsigned>(rng_() % 100);
  if (choice < kInsertPercent) {
    const auto v = static_cast<std::int64_t>(rng_() % kMaxValue);
    return {SpellingOperation::kInsert, table_statements_.insert(name, n, v),
            twin_statements_.insert(name, n, v)};
  }
  if (choice < kInsertPercent + kDeletePercent) {
    return {SpellingOperation::kDelete, table_statements_.delete_row(name, n),
            twin_statements_.delete_row(name, n)};
  }
  if (choice < kInsertPercent + kDeletePercent + kUpdateValuePercent) {
    const auto v = static_cast<std::int64_t>(rng_() % kMaxValue);
    return {SpellingOperation::kUpdateValue, table_statements_.update_value(name, n, v),
            twin_statements_.update_value(name, n, v)};
  }
  if (options_.trailing_spaces && rng_() % 100 < kRespacePercentOfSpellings) {
    const std::string spaces = random_trailing_spaces(rng_);
    return {SpellingOperation::kRespace, table_statements_.respace(name, n, spaces),
            twin_statements_.respace(name, n, spaces)};
  }
  const std::string spelling = spelling_of(base);
  return {SpellingOperation::kRespell, table_statements_.respell(name, n, spelling),
          twin_statements_.respell(name, n, spelling)};
}

void SpellingWriterThread::run_transaction() {
  const Change change = choose_change();
  const char* operation = describe(change.operation);
  std::uint64_t changed = 0;
  try {
    session_->execute_text("START TRANSACTION");
    changed = session_->execute(change.on_table);
    const std::uint64_t twin_changed = session_->execute(change.on_twin);
    if (changed != twin_changed) {
      throw Inconsistency(std::string(operation) + " changed " + std::to_string(changed) +
                          " rows in the table, " + std::to_string(twin_changed) +
                          " in its twin: " + inline_parameters(change.on_table));
    }
    session_->execute_text("COMMIT");
  } catch (const sql::SQLException& e) {
    counters_.add_error(e.getErrorCode(), std::string(operation) + ": " + e.what());
    rollback_after_error();
    return;
  } catch (const Inconsistency& e) {
    counters_.add_error(kInconsistencyErrorCode, e.what());
    rollback_after_error();
    return;
  }
  counters_.add_commit(change.operation, changed > 0);
}

void SpellingWriterThread::rollback_after_error() {
  try {
    session_->execute_text("ROLLBACK");
  } catch (const sql::SQLException&) {
    // A connection that cannot roll back is replaced; the server rolls the
    // transaction back when the connection closes.
    session_.reset();
    std::this_thread::sleep_for(kReconnectPause);
  }
}

}  // namespace oa::test
