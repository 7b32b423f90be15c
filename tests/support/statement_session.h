// One connection that runs ParameterizedStatements in one of two client modes:
// text statements with the values inlined as literals, or server-side prepared
// statements (prepared once per SQL text, reused) with the values bound.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "support/parameterized_statement.h"

namespace sql {
class Connection;
class PreparedStatement;
}  // namespace sql

namespace oa::test {

enum class ClientMode { kText, kPrepared };

// "text statements" or "prepared statements", for messages and test names.
const char* describe(ClientMode mode);

class StatementSession {
 public:
  // Takes over `connection` (utf8mb4, see TestServer::connect).
  StatementSession(std::unique_ptr<sql::Connection> connection, ClientMode mode);
  ~StatementSession();
  StatementSession(const StatementSession&) = delete;
  StatementSession& operator=(const StatementSession&) = delete;

  // Runs `statement` in this session's mode; returns the number of rows it
  // changed. Throws sql::SQLException.
  std::uint64_t execute(const ParameterizedStatement& statement);

  // Runs a statement without parameters (START TRANSACTION, COMMIT, ROLLBACK)
  // as text. Throws sql::SQLException.
  void execute_text(const std::string& statement);

 private:
  sql::PreparedStatement& prepared(const std::string& sql);

  // Declared before prepared_: the statements are closed before their connection.
  std::unique_ptr<sql::Connection> connection_;
  const ClientMode mode_;
  std::map<std::string, std::unique_ptr<sql::PreparedStatement>> prepared_;
};

}  // namespace oa::test
