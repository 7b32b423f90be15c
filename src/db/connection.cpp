#include "db/connection.h"

#include <cppconn/connection.h>
#include <cppconn/datatype.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <algorithm>
#include <chrono>
#include <sstream>

#include "db/db_error.h"
#include "db/tls_properties.h"
#include "log.h"

namespace oa::db {
namespace {

constexpr int kConnectTimeoutSeconds = 10;  // a dead host must not hang a cron job

constexpr std::size_t kLoggedStatementChars = 160;

// With --verbose, each statement is logged once it returns, with its duration:
// the text only, never the bound values (they may be row data). Without it,
// nothing is timed or formatted: this runs for every chunk of the copy.
class StatementLog {
 public:
  explicit StatementLog(const std::string& statement)
      : statement_(statement), enabled_(log::debug_enabled()) {
    if (enabled_) started_ = std::chrono::steady_clock::now();
  }
  StatementLog(const StatementLog&) = delete;
  StatementLog& operator=(const StatementLog&) = delete;
  ~StatementLog() {
    if (!enabled_) return;
    try {
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
              .count();
      log::debug("sql (" + log::ms_text(ms) + "): " + statement_.substr(0, kLoggedStatementChars));
    } catch (const std::exception&) {
      // A log line is not worth ending the process for.
    }
  }

 private:
  const std::string& statement_;
  const bool enabled_;
  std::chrono::steady_clock::time_point started_;
};

DbError translate(const sql::SQLException& e, const std::string& statement) {
  return DbError(e.getErrorCode(), e.what(), statement);
}

// Calls visit() with each row of `rs`; the Row passed is reused from row to
// row, so its strings keep their memory.
void visit_rows(sql::ResultSet& rs, const RowVisitor& visit) {
  const unsigned columns = rs.getMetaData()->getColumnCount();
  Row row(columns);
  while (rs.next()) {
    for (unsigned i = 1; i <= columns; ++i) {
      sql::SQLString text = rs.getString(i);
      Value& value = row[i - 1];
      if (rs.wasNull()) {
        value.reset();
      } else if (value) {
        value->assign(text.asStdString());
      } else {
        value.emplace(text.asStdString());
      }
    }
    visit(row);
  }
}

// Binds parameters; the returned streams back blob parameters and must outlive execution.
std::vector<std::unique_ptr<std::istringstream>> bind(sql::PreparedStatement& ps,
                                                      const std::vector<Param>& params) {
  std::vector<std::unique_ptr<std::istringstream>> blobs;
  for (unsigned i = 0; i < params.size(); ++i) {
    const Param& p = params[i];
    if (!p.value) {
      ps.setNull(i + 1, sql::DataType::VARCHAR);
    } else if (p.integer) {
      ps.setInt64(i + 1, std::stoll(*p.value));
    } else if (p.binary) {
      blobs.push_back(std::make_unique<std::istringstream>(*p.value));
      ps.setBlob(i + 1, blobs.back().get());
    } else {
      ps.setString(i + 1, sql::SQLString(*p.value));
    }
  }
  return blobs;
}

}  // namespace

std::string ConnectionSettings::describe() const {
  if (!socket.empty()) return user + "@" + socket;
  return user + "@" + host + ":" + std::to_string(port);
}

namespace {

std::unique_ptr<sql::Connection> connect_once(const ConnectionSettings& settings) {
  sql::ConnectOptionsMap options;
  if (!settings.socket.empty()) {
    options["hostName"] = sql::SQLString("unix://" + settings.socket);
  } else {
    options["hostName"] =
        sql::SQLString("tcp://" + settings.host + ":" + std::to_string(settings.port));
  }
  options["userName"] = sql::SQLString(settings.user);
  options["password"] = sql::SQLString(settings.password);
  options["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
  options["OPT_CONNECT_TIMEOUT"] = kConnectTimeoutSeconds;
  // Reconnecting silently would lose session settings such as lock timeouts;
  // reconnect() restores them.
  options["OPT_RECONNECT"] = false;
  add_tls_properties(settings, options);
  return std::unique_ptr<sql::Connection>(
      sql::mysql::get_mysql_driver_instance()->connect(options));
}

// Every session of the tool is opened here, so all of them use the same TLS.
std::unique_ptr<sql::Connection> connect(const ConnectionSettings& settings) {
  std::unique_ptr<sql::Connection> connection;
  try {
    connection = connect_once(settings);
  } catch (const sql::SQLException& e) {
    if (!retry_without_tls(settings, e.getErrorCode())) throw;
    ConnectionSettings plain = settings;
    plain.ssl_mode = SslMode::kDisabled;
    return connect_once(plain);
  }
  require_encrypted(*connection, settings);
  return connection;
}

}  // namespace

std::unique_ptr<Connection> Connection::open(const ConnectionSettings& settings) {
  try {
    auto connection = std::unique_ptr<Connection>(new Connection(connect(settings), settings));
    connection->execute("SET NAMES utf8mb4");
    return connection;
  } catch (const sql::SQLException& e) {
    throw Error(ExitCode::kConnect, "cannot connect to " + settings.describe() + ": " + e.what() +
                                        " (check --host/--port/--socket, --user and the password" +
                                        tls_hint(settings, e.getErrorCode()) + ")");
  }
}

Connection::Connection(std::unique_ptr<sql::Connection> connection, ConnectionSettings settings)
    : connection_(std::move(connection)), settings_(std::move(settings)) {}

void Connection::reconnect() {
  prepared_.clear();
  try {
    connection_->close();
  } catch (const sql::SQLException&) {
  }
  try {
    connection_ = connect(settings_);
  } catch (const sql::SQLException& e) {
    throw translate(e, "(reconnecting to " + settings_.describe() + ")");
  }
  execute("SET NAMES utf8mb4");
  for (const auto& statement : session_) execute(statement);
}

void Connection::set_session(const std::string& statement) {
  execute(statement);
  session_.erase(std::remove(session_.begin(), session_.end(), statement), session_.end());
  session_.push_back(statement);
}

Connection::~Connection() {
  prepared_.clear();
  try {
    connection_->close();
  } catch (const sql::SQLException&) {
    // Closing a connection the server already dropped is not an error worth reporting.
  }
}

sql::PreparedStatement& Connection::prepared(const std::string& statement) {
  auto it = prepared_.find(statement);
  if (it == prepared_.end()) {
    std::unique_ptr<sql::PreparedStatement> ps(connection_->prepareStatement(statement));
    it = prepared_.emplace(statement, std::move(ps)).first;
  }
  return *it->second;
}

void Connection::execute(const std::string& statement) {
  StatementLog logged(statement);
  try {
    std::unique_ptr<sql::Statement> st(connection_->createStatement());
    st->execute(statement);
    // Drain any result so the connection is ready for the next statement.
    do {
      std::unique_ptr<sql::ResultSet> rs(st->getResultSet());
    } while (st->getMoreResults());
  } catch (const sql::SQLException& e) {
    throw translate(e, statement);
  }
}

std::uint64_t Connection::update(const std::string& statement, const std::vector<Param>& params) {
  StatementLog logged(statement);
  try {
    sql::PreparedStatement& ps = prepared(statement);
    auto blobs = bind(ps, params);
    return static_cast<std::uint64_t>(ps.executeUpdate());
  } catch (const sql::SQLException& e) {
    throw translate(e, statement);
  }
}

void Connection::for_each_row(const std::string& statement, const std::vector<Param>& params,
                              const RowVisitor& visit) {
  StatementLog logged(statement);
  try {
    if (params.empty()) {
      std::unique_ptr<sql::Statement> st(connection_->createStatement());
      std::unique_ptr<sql::ResultSet> rs(st->executeQuery(statement));
      visit_rows(*rs, visit);
      return;
    }
    sql::PreparedStatement& ps = prepared(statement);
    auto blobs = bind(ps, params);
    std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
    visit_rows(*rs, visit);
  } catch (const sql::SQLException& e) {
    throw translate(e, statement);
  }
}

std::vector<Row> Connection::query(const std::string& statement, const std::vector<Param>& params) {
  std::vector<Row> rows;
  for_each_row(statement, params, [&](const Row& row) { rows.push_back(row); });
  return rows;
}

std::vector<NamedRow> Connection::query_named(const std::string& statement) {
  StatementLog logged(statement);
  std::vector<NamedRow> rows;
  try {
    std::unique_ptr<sql::Statement> st(connection_->createStatement());
    std::unique_ptr<sql::ResultSet> rs(st->executeQuery(statement));
    std::vector<std::string> labels;
    sql::ResultSetMetaData* meta = rs->getMetaData();
    for (unsigned i = 1; i <= meta->getColumnCount(); ++i) {
      labels.push_back(meta->getColumnLabel(i).asStdString());
    }
    visit_rows(*rs, [&](const Row& row) {
      NamedRow named;
      for (std::size_t i = 0; i < labels.size(); ++i) named[labels[i]] = row[i];
      rows.push_back(std::move(named));
    });
  } catch (const sql::SQLException& e) {
    throw translate(e, statement);
  }
  return rows;
}

void Connection::run_then_end(const std::function<void()>& work, const char* end) {
  try {
    work();
  } catch (...) {
    try {
      execute("ROLLBACK");
    } catch (const DbError& e) {
      // A lost session has rolled back by itself; the first error says why.
      if (!e.is_connection_lost()) throw;
    }
    throw;
  }
  execute(end);
}

void Connection::in_transaction(const std::function<void()>& work) {
  execute("START TRANSACTION");
  run_then_end(work, "COMMIT");
}

void Connection::in_rolled_back_transaction(const std::function<void()>& work) {
  execute("START TRANSACTION");
  run_then_end(work, "ROLLBACK");
}

void Connection::in_snapshot(const std::function<void()>& work) {
  // SET TRANSACTION applies to the next transaction only.
  execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
  execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
  run_then_end(work, "COMMIT");
}

Value Connection::query_value(const std::string& statement, const std::vector<Param>& params) {
  auto rows = query(statement, params);
  if (rows.empty() || rows.front().empty()) return std::nullopt;
  return rows.front().front();
}

std::uint64_t Connection::query_number(const std::string& statement,
                                       const std::vector<Param>& params) {
  const Value v = query_value(statement, params);
  return v ? std::stoull(*v) : 0;
}

}  // namespace oa::db
