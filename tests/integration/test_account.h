// A server account of its own for one test, created by the constructor and
// dropped by the destructor.
#pragma once

#include <string>
#include <vector>

namespace oa::test {

class TestAccount {
 public:
  // Creates the account `name`@'%' identified by `password` (letters, digits
  // and '-' only), with `require` appended to CREATE USER (e.g. "REQUIRE SSL").
  // Drops an account of that name left by an earlier run first. Throws
  // sql::SQLException when the server refuses, std::invalid_argument for a
  // password with other characters.
  TestAccount(const std::string& name, const std::string& password,
              const std::string& require = "");

  // Drops the account; a failure is printed on stderr, never thrown.
  ~TestAccount();
  TestAccount(const TestAccount&) = delete;
  TestAccount& operator=(const TestAccount&) = delete;

  // Grants `privileges` (e.g. "ALL") on every table of `database`.
  void grant_on_database(const std::string& privileges, const std::string& database) const;

  // `'name'@'%'`, for statements about the account.
  std::string account() const;

  // --host, --port and --user for online-alter as this account (no password).
  std::vector<std::string> tool_connection_args() const;

  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

// Creates `database`.items (id INT PRIMARY KEY, v INT) holding ids and values
// 1..`rows` (at most 10000): the table the account tests migrate.
void create_items(const std::string& database, int rows);

// The password of the test server's own user (MYSQL_PWD): an account created
// with it needs no password on the tool's command line.
std::string environment_password();

}  // namespace oa::test
