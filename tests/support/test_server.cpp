#include "support/test_server.h"

#include <cppconn/connection.h>
#include <fcntl.h>
#include <mysql_driver.h>
#include <spawn.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "support/text_query.h"

extern char** environ;

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

bool TestServer::can_restart() { return !environment_or("OA_SERVER_DEFAULTS", "").empty(); }

bool TestServer::reachable() const {
  try {
    connect();
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

void TestServer::restart() const {
  const std::string defaults = environment_or("OA_SERVER_DEFAULTS", "");
  if (defaults.empty()) throw std::runtime_error("OA_SERVER_DEFAULTS is not set");
  shut_down();
  start_again(defaults);
}

void TestServer::shut_down() const {
  using namespace std::chrono;
  try {
    execute_sql(*connect(), "SHUTDOWN");
  } catch (const std::exception&) {
    // The server may drop this very connection as it goes down.
  }
  for (auto until = steady_clock::now() + seconds(60); reachable();) {
    if (steady_clock::now() > until) throw std::runtime_error("the server did not shut down");
    std::this_thread::sleep_for(milliseconds(100));
  }
}

void TestServer::start_again(const std::string& defaults) const {
  using namespace std::chrono;
  const std::string option = "--defaults-file=" + defaults;
  char* argv[] = {const_cast<char*>("mariadbd"), const_cast<char*>(option.c_str()), nullptr};
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&files, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  // A session of its own: the server outlives this test process, and
  // scripts/lib.sh stops it through its pid file.
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
  pid_t pid = 0;
  const int failed = posix_spawnp(&pid, "mariadbd", &files, &attributes, argv, environ);
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attributes);
  if (failed != 0) throw std::runtime_error("could not start mariadbd again");
  for (auto until = steady_clock::now() + seconds(120); !reachable();) {
    if (steady_clock::now() > until) throw std::runtime_error("the server did not come back");
    std::this_thread::sleep_for(milliseconds(200));
  }
}

std::vector<std::string> TestServer::tool_connection_args() const {
  return {"--host", host_, "--port", std::to_string(port_), "--user", user_};
}

}  // namespace oa::test
