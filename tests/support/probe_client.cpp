#include "support/probe_client.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <sstream>
#include <stdexcept>

#include "support/sql_text.h"

namespace oa::test {
namespace {

using Clock = std::chrono::steady_clock;

constexpr auto kStopCheck = std::chrono::milliseconds(20);
constexpr auto kReconnectPause = std::chrono::milliseconds(100);  // no busy loop on a dead server

// Client-side error codes (2000-2999) mean the connection is unusable.
bool is_connection_error(int code) { return code >= 2000 && code < 3000; }

// The table did not show what the probe wrote.
class Inconsistency : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

void expect_one_row(std::int64_t affected, const std::string& what) {
  if (affected != 1) {
    throw Inconsistency(what + " affected " + std::to_string(affected) + " rows instead of 1");
  }
}

}  // namespace

std::string ProbeStats::summary() const {
  std::ostringstream text;
  text << rounds.summary() << "; slowest statement " << longest_seconds
       << " s: " << printable(longest_statement, 120);
  return text.str();
}

ProbeClient::ProbeClient(const TestServer& server, ProbeTarget target, ProbeOptions options)
    : server_(server), target_(std::move(target)), options_(options) {
  const std::string table = qualified_name(target_.database, target_.table);
  const std::string key = quote_identifier(target_.key_column);
  const std::string where_key = " WHERE " + key + " = ";
  update_ = {"UPDATE " + table + " SET " + quote_identifier(target_.counter_column) + " = ",
             where_key, ""};
  select_ = {"SELECT " + quote_identifier(target_.counter_column) + " FROM " + table + where_key,
             ""};
  delete_ = {"DELETE FROM " + table + where_key, ""};
  std::string all = key, others;
  for (std::size_t i = 1; i < target_.columns.size(); ++i) {
    all += ", " + quote_identifier(target_.columns[i]);
    others += ", " + quote_identifier(target_.columns[i]);
  }
  copy_ = {"INSERT INTO " + table + " (" + all + ") SELECT ", others + " FROM " + table + where_key,
           ""};
  thread_ = std::thread([this] {
    // Connector/C++ (libmysqlclient) needs per-thread initialisation.
    sql::Driver* driver = sql::mysql::get_mysql_driver_instance();
    driver->threadInit();
    run();
    driver->threadEnd();
  });
}

ProbeClient::~ProbeClient() { stop(); }

void ProbeClient::stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

ProbeStats ProbeClient::stats() const {
  ProbeStats stats;
  stats.rounds = counters_.snapshot();
  std::lock_guard<std::mutex> lock(mutex_);
  stats.longest_seconds = longest_seconds_;
  stats.longest_statement = longest_statement_;
  stats.last_counter = last_counter_;
  return stats;
}

void ProbeClient::run() {
  while (!stop_) {
    if (!connection_) {
      try {
        connection_ = server_.connect();
      } catch (const sql::SQLException& e) {
        counters_.add_error(e.getErrorCode(), std::string("connect: ") + e.what());
        std::this_thread::sleep_for(kReconnectPause);
        continue;
      }
    }
    run_round();
    for (auto until = Clock::now() + options_.pause; !stop_ && Clock::now() < until;) {
      std::this_thread::sleep_for(std::min<Clock::duration>(until - Clock::now(), kStopCheck));
    }
  }
  prepared_.clear();
  connection_.reset();
}

void ProbeClient::run_round() {
  const std::uint64_t round = ++round_;
  const std::uint64_t key = target_.key;
  try {
    if (options_.insert_and_delete) {
      const std::uint64_t scratch = target_.scratch_keys_from + round;
      timed({"START TRANSACTION"}, {}, false);
      expect_one_row(timed(copy_, {scratch, key}, false), "INSERT of the copy");
      expect_one_row(timed(update_, {round, key}, false), "UPDATE of the counter");
      expect_one_row(timed(delete_, {scratch}, false), "DELETE of the copy");
      timed({"COMMIT"}, {}, false);
    } else {
      expect_one_row(timed(update_, {round, key}, false), "UPDATE of the counter");
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      last_counter_ = round;
    }
    counters_.add_commit();
    const std::int64_t seen = timed(select_, {key}, true);
    if (seen != static_cast<std::int64_t>(round)) {
      throw Inconsistency("the row read back counter " + std::to_string(seen) + " after round " +
                          std::to_string(round) + " committed");
    }
  } catch (const sql::SQLException& e) {
    counters_.add_error(e.getErrorCode(),
                        std::string(e.what()) + " [in: " + printable(running_, 120) + "]");
    rollback_after_error();
  } catch (const Inconsistency& e) {
    counters_.add_error(kInconsistencyErrorCode, e.what());
    rollback_after_error();
  }
}

std::int64_t ProbeClient::timed(const Parts& parts, const std::vector<std::uint64_t>& params,
                                bool query) {
  const bool prepare = options_.prepared && !params.empty();
  std::string text = parts.at(0);
  for (std::size_t i = 0; i < params.size(); ++i) {
    text += (prepare ? "?" : std::to_string(params[i])) + parts.at(i + 1);
  }
  running_ = text;
  const auto started = Clock::now();
  std::int64_t outcome = -1;
  std::unique_ptr<sql::ResultSet> result;
  if (prepare) {
    sql::PreparedStatement& statement = prepared(text);
    for (std::size_t i = 0; i < params.size(); ++i) {
      statement.setUInt64(static_cast<unsigned>(i + 1), params[i]);
    }
    if (query) {
      result.reset(statement.executeQuery());
    } else {
      outcome = statement.executeUpdate();
    }
  } else {
    std::unique_ptr<sql::Statement> statement(connection_->createStatement());
    if (query) {
      result.reset(statement->executeQuery(text));
    } else {
      outcome = statement->executeUpdate(text);
    }
  }
  if (result && result->next() && !result->isNull(1)) outcome = result->getInt64(1);
  const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
  std::lock_guard<std::mutex> lock(mutex_);
  if (seconds > longest_seconds_) {
    longest_seconds_ = seconds;
    longest_statement_ = text;
  }
  return outcome;
}

sql::PreparedStatement& ProbeClient::prepared(const std::string& statement) {
  auto found = prepared_.find(statement);
  if (found != prepared_.end()) return *found->second;
  std::unique_ptr<sql::PreparedStatement> handle(connection_->prepareStatement(statement));
  return *prepared_.emplace(statement, std::move(handle)).first->second;
}

void ProbeClient::rollback_after_error() {
  try {
    std::unique_ptr<sql::Statement> statement(connection_->createStatement());
    statement->execute("ROLLBACK");
  } catch (const sql::SQLException& e) {
    // A connection that cannot roll back is replaced; the server rolls the
    // transaction back when it closes.
    prepared_.clear();
    connection_.reset();
    if (!is_connection_error(e.getErrorCode())) {
      counters_.add_error(e.getErrorCode(), std::string("ROLLBACK: ") + e.what());
    }
    std::this_thread::sleep_for(kReconnectPause);
  }
}

}  // namespace oa::test
