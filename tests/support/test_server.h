// The MariaDB/MySQL server the tests run against, as described by the
// environment that scripts/lib.sh (oa_server_start) exports.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace sql {
class Connection;
}  // namespace sql

namespace oa::test {

class TestServer {
 public:
  // Reads OA_HOST (default 127.0.0.1), OA_PORT (3306), OA_USER (root) and
  // MYSQL_PWD (empty). Throws std::invalid_argument if OA_PORT is not a number.
  static TestServer from_environment();

  TestServer(std::string host, int port, std::string user, std::string password);

  // A new connection over TCP with utf8mb4 as the character set and no default
  // database. Throws sql::SQLException when the server refuses.
  std::unique_ptr<sql::Connection> connect() const;

  // --host, --port and --user for online-alter. Never the password: the tool
  // reads MYSQL_PWD from the environment it inherits.
  std::vector<std::string> tool_connection_args() const;

  // Whether restart() can start the server again: scripts/lib.sh exports
  // OA_SERVER_DEFAULTS, the server's option file.
  static bool can_restart();

  // Shuts the server down (SHUTDOWN, as the test user), starts it again from
  // OA_SERVER_DEFAULTS in a session of its own, and waits until it accepts
  // connections. Throws std::runtime_error when it does not come back.
  void restart() const;

  // The two halves of restart(), for a test that acts while the server is
  // down: shut_down() returns once it refuses connections; start_again()
  // starts it from the option file `defaults` and returns once it accepts
  // them. Both throw std::runtime_error when the server does not follow.
  void shut_down() const;
  void start_again(const std::string& defaults) const;

  const std::string& host() const { return host_; }
  int port() const { return port_; }
  const std::string& user() const { return user_; }

 private:
  bool reachable() const;

  std::string host_;
  int port_;
  std::string user_;
  std::string password_;
};

}  // namespace oa::test
