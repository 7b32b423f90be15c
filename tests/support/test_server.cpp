#include "support/test_server.h"

#include <cppconn/connection.h>
#include <mysql_driver.h>

#include <cstdlib>
#include <stdexcept>

namespace oa::test {
namespace {

std::string environment_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return (value != nullptr && *value != '\0') ? value : fallback;
}

}  // namespace

TestServer TestServer::from_environment() {
  const std::string port_text = environment_or("OA_PORT", "3306");
  std::size_t used = 0;
  int port = 0;
  try {
    port = std::stoi(port_text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != port_text.size() || port <= 0 || port > 65535) {
    throw std::invalid_argument("OA_PORT is not a port number: " + port_text);
  }
  return TestServer(environment_or("OA_HOST", "127.0.0.1"), port, environment_or("OA_USER", "root"),
                    environment_or("MYSQL_PWD", ""));
}

TestServer::TestServer(std::string host, int port, std::string user, std::string password)
    : host_(std::move(host)), port_(port), user_(std::move(user)), password_(std::move(password)) {}

std::unique_ptr<sql::Connection> TestServer::connect() const {
  sql::ConnectOptionsMap options;
  options["hostName"] = sql::SQLString("tcp://" + host_ + ":" + std::to_string(port_));
  options["userName"] = sql::SQLString(user_);
  options["password"] = sql::SQLString(password_);
  options["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
  // A lost connection must surface as an error, not be hidden by a silent reconnect
  // that would drop the open transaction the writer is recording.
  options["OPT_RECONNECT"] = false;
  std::unique_ptr<sql::Connection> connection(
      sql::mysql::get_mysql_driver_instance()->connect(options));
  return connection;
}

std::vector<std::string> TestServer::tool_connection_args() const {
  return {"--host", host_, "--port", std::to_string(port_), "--user", user_};
}

}  // namespace oa::test
