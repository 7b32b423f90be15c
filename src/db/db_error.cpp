#include "db/db_error.h"

namespace oa::db {
namespace {

constexpr std::size_t kMaxStatementInMessage = 300;  // keeps one error on one screen line

std::string compose(int code, const std::string& text, const std::string& statement) {
  std::string shown = statement.size() > kMaxStatementInMessage
                          ? statement.substr(0, kMaxStatementInMessage) + "..."
                          : statement;
  std::string out = "server error " + std::to_string(code) + ": " + text;
  if (!shown.empty()) out += " [while running: " + shown + "]";
  return out;
}

}  // namespace

DbError::DbError(int server_code, const std::string& server_text, const std::string& statement,
                 ExitCode exit_code)
    : Error(exit_code, compose(server_code, server_text, statement)),
      server_code_(server_code),
      server_text_(server_text) {}

bool DbError::is_lock_conflict() const {
  return server_code_ == kErrLockWaitTimeout || server_code_ == kErrDeadlock;
}

bool DbError::is_connection_lost() const {
  switch (server_code_) {
    case kErrServerGone:
    case kErrServerLost:
    case kErrLostConnectionSys:
    case kErrTlsConnection:
    case kErrConnectionKilled:
    case kErrServerShutdown:
    case kErrCannotConnectSocket:
    case kErrCannotConnect:
      return true;
    default:
      return false;
  }
}

bool DbError::is_transient() const {
  return is_connection_lost() || server_code_ == kErrQueryInterrupted;
}

}  // namespace oa::db
