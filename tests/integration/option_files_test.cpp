// Where the tool finds a password when none is on its command line or in
// MYSQL_PWD: ~/.my.cnf, as the mysql client does.
#include <cppconn/connection.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "expectations.h"
#include "suite.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/text_query.h"
#include "test_account.h"

namespace oa::test {
namespace {

// Sets an environment variable (or removes it, for nullptr) for one scope.
class ScopedEnvironment {
 public:
  ScopedEnvironment(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) {
      saved_ = old;
      had_ = true;
    }
    if (value != nullptr) {
      setenv(name, value, 1);
    } else {
      unsetenv(name);
    }
  }
  ~ScopedEnvironment() {
    if (had_) {
      setenv(name_.c_str(), saved_.c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }
  ScopedEnvironment(const ScopedEnvironment&) = delete;
  ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

 private:
  std::string name_;
  std::string saved_;
  bool had_ = false;
};

}  // namespace

TEST_CASE("without --password and MYSQL_PWD, the password comes from ~/.my.cnf") {
  ScratchDatabase database(test_server(), "oa_it_mycnf");
  {
    auto c = connect();
    execute_sql(*c, "CREATE TABLE " + qualified_name(database.name(), "items") +
                        " (id INT PRIMARY KEY, v INT)");
  }
  const std::string password = "mycnf-" + std::to_string(getpid());
  TestAccount account("oa_it_mycnf", password);
  account.grant_on_database("ALL", database.name());
  const std::filesystem::path home =
      std::filesystem::temp_directory_path() / ("oa_it_home_" + std::to_string(getpid()));
  std::filesystem::create_directories(home);
  std::ofstream(home / ".my.cnf") << "[client]\nuser = " << account.name() << "\npassword = \""
                                  << password << "\"\n";
  std::vector<std::string> args = {
      "--host",     test_server().host(), "--port",   std::to_string(test_server().port()),
      "--database", database.name(),      "--table",  "items",
      "--alter",    "ADD COLUMN a INT",   "--dry-run"};
  {
    ScopedEnvironment no_password("MYSQL_PWD", nullptr);
    ScopedEnvironment temporary_home("HOME", home.c_str());
    const ToolResult result = online_alter().run(args);
    CHECK_MESSAGE(result.exit_code == 0, result.describe());
    CHECK(result.err.find(account.name() + "@") != std::string::npos);  // "connected to" line
    CHECK(result.out.find(password) == std::string::npos);
    CHECK(result.err.find(password) == std::string::npos);
  }
  {
    // MYSQL_PWD wins over the file: the test user's password is wrong for
    // this account.
    ScopedEnvironment temporary_home("HOME", home.c_str());
    expect_error(online_alter().run(args), 3, {"Access denied"});
  }
  std::filesystem::remove_all(home);
}

}  // namespace oa::test
