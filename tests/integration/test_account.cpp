#include "test_account.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include "suite.h"
#include "support/sql_text.h"
#include "support/text_query.h"

namespace oa::test {
namespace {

// IDENTIFIED BY takes a string literal only (no hex literal), so the password
// is restricted to characters that need no escaping.
std::string password_literal(const std::string& password) {
  const bool plain = std::all_of(password.begin(), password.end(),
                                 [](unsigned char c) { return std::isalnum(c) != 0 || c == '-'; });
  if (!plain) throw std::invalid_argument("test passwords use letters, digits and '-' only");
  return "'" + password + "'";
}

}  // namespace

TestAccount::TestAccount(const std::string& name, const std::string& password,
                         const std::string& require)
    : name_(name) {
  auto c = connect();
  execute_sql(*c, "DROP USER IF EXISTS " + account());
  execute_sql(*c, "CREATE USER " + account() + " IDENTIFIED BY " + password_literal(password) +
                      (require.empty() ? "" : " " + require));
}

TestAccount::~TestAccount() {
  try {
    auto c = connect();
    execute_sql(*c, "DROP USER IF EXISTS " + account());
  } catch (const std::exception& e) {
    std::cerr << "could not drop the account " << name_ << ": " << e.what() << "\n";
  }
}

void TestAccount::grant_on_database(const std::string& privileges,
                                    const std::string& database) const {
  auto c = connect();
  execute_sql(*c,
              "GRANT " + privileges + " ON " + quote_identifier(database) + ".* TO " + account());
}

std::string TestAccount::account() const { return quote_identifier(name_) + "@'%'"; }

std::vector<std::string> TestAccount::tool_connection_args() const {
  return {"--host", test_server().host(), "--port", std::to_string(test_server().port()), "--user",
          name_};
}

std::string environment_password() {
  const char* password = std::getenv("MYSQL_PWD");
  return password != nullptr ? password : "";
}

void create_items(const std::string& database, int rows) {
  auto c = connect();
  execute_sql(*c,
              "CREATE TABLE " + qualified_name(database, "items") + " (id INT PRIMARY KEY, v INT)");
  execute_sql(*c, "INSERT INTO " + qualified_name(database, "items") + " SELECT seq, seq FROM " +
                      qualified_name(database, "seq_1_to_" + std::to_string(rows)));
}

}  // namespace oa::test
