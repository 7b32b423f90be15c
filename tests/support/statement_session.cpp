#include "support/statement_session.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/statement.h>

#include "support/text_query.h"

namespace oa::test {

const char* describe(ClientMode mode) {
  return mode == ClientMode::kText ? "text statements" : "prepared statements";
}

StatementSession::StatementSession(std::unique_ptr<sql::Connection> connection, ClientMode mode)
    : connection_(std::move(connection)), mode_(mode) {}

StatementSession::~StatementSession() = default;

std::uint64_t StatementSession::execute(const ParameterizedStatement& statement) {
  if (mode_ == ClientMode::kText) {
    std::unique_ptr<sql::Statement> handle(connection_->createStatement());
    return static_cast<std::uint64_t>(handle->executeUpdate(inline_parameters(statement)));
  }
  sql::PreparedStatement& handle = prepared(statement.sql);
  unsigned index = 1;
  for (const SqlParameter& parameter : statement.parameters) {
    if (const auto* text = std::get_if<std::string>(&parameter)) {
      handle.setString(index++, sql::SQLString(*text));
    } else {
      handle.setInt64(index++, std::get<std::int64_t>(parameter));
    }
  }
  return static_cast<std::uint64_t>(handle.executeUpdate());
}

void StatementSession::execute_text(const std::string& statement) {
  execute_sql(*connection_, statement);
}

sql::PreparedStatement& StatementSession::prepared(const std::string& sql) {
  auto found = prepared_.find(sql);
  if (found != prepared_.end()) return *found->second;
  std::unique_ptr<sql::PreparedStatement> handle(connection_->prepareStatement(sql));
  return *prepared_.emplace(sql, std::move(handle)).first->second;
}

}  // namespace oa::test
