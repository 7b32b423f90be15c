// RAII over one Connector/C++ connection. Every statement the tool sends goes
// through here; every sql::SQLException becomes a DbError naming the statement.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "db/connection_settings.h"

namespace sql {
class Connection;
class PreparedStatement;
}  // namespace sql

namespace oa::db {

// A column value as the server's text (or raw bytes); nullopt is SQL NULL.
using Value = std::optional<std::string>;
using Row = std::vector<Value>;
// Called once per row of a result; the Row is valid only during the call.
using RowVisitor = std::function<void(const Row&)>;
// A row keyed by column label, for results whose columns differ between
// server versions (SHOW SLAVE STATUS).
using NamedRow = std::map<std::string, Value>;

// A bound parameter. `binary` binds as a blob so bytes are compared as bytes;
// `integer` binds as a number (LIMIT and OFFSET accept nothing else).
struct Param {
  Value value;
  bool binary = false;
  bool integer = false;
};

class Connection {
 public:
  // Opens a connection with utf8mb4 as the character set. Throws an Error with
  // ExitCode::kConnect naming the server and the reason when it cannot.
  static std::unique_ptr<Connection> open(const ConnectionSettings& settings);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs a statement without parameters and ignores any result.
  void execute(const std::string& statement);

  // Runs a SET SESSION statement and remembers it, so that reconnect()
  // restores the session as it was.
  void set_session(const std::string& statement);

  // Replaces a lost session with a new one, with the same session settings.
  // Whatever the old session held (transaction, locks) is gone. Throws
  // DbError when the server cannot be reached.
  void reconnect();

  // Runs a statement with parameters (prepared once per distinct text and kept);
  // returns the affected row count.
  std::uint64_t update(const std::string& statement, const std::vector<Param>& params = {});

  // Runs a query and returns all its rows; meant for small results.
  std::vector<Row> query(const std::string& statement, const std::vector<Param>& params = {});

  // Runs a query and passes each row to `visit`, without keeping them: for
  // results too large to copy row by row (one Row object serves them all).
  void for_each_row(const std::string& statement, const std::vector<Param>& params,
                    const RowVisitor& visit);

  // Runs `work` in one transaction: COMMIT when it returns, ROLLBACK (and
  // rethrow) when it throws.
  void in_transaction(const std::function<void()>& work);

  // Runs `work` in one transaction and rolls it back, whether it returns or
  // throws: for trying a change without making it.
  void in_rolled_back_transaction(const std::function<void()>& work);

  // The same in a read-only REPEATABLE READ transaction with a consistent
  // snapshot taken at its start: every read in `work` sees the same instant.
  void in_snapshot(const std::function<void()>& work);

  // The rows of `statement` (no parameters) keyed by column label.
  std::vector<NamedRow> query_named(const std::string& statement);

  // The single value of a one-row, one-column query; nullopt if no row or NULL.
  Value query_value(const std::string& statement, const std::vector<Param>& params = {});

  // The same for a count, a sequence number or an id: 0 if no row or NULL.
  std::uint64_t query_number(const std::string& statement, const std::vector<Param>& params = {});

 private:
  Connection(std::unique_ptr<::sql::Connection> connection, ConnectionSettings settings);
  ::sql::PreparedStatement& prepared(const std::string& statement);
  // Runs `work`, then `end` (COMMIT or ROLLBACK); ROLLBACK and rethrows
  // when it throws.
  void run_then_end(const std::function<void()>& work, const char* end);

  std::unique_ptr<::sql::Connection> connection_;
  std::map<std::string, std::unique_ptr<::sql::PreparedStatement>> prepared_;
  ConnectionSettings settings_;
  std::vector<std::string> session_;  // set_session() statements, oldest first
};

}  // namespace oa::db
