// Where and as whom to connect. Filled from options, MYSQL_PWD and a defaults file.
#pragma once

#include <string>

namespace oa::db {

struct ConnectionSettings {
  std::string host = "localhost";
  unsigned port = 3306;
  std::string user;
  std::string password;  // never logged
  std::string socket;    // when set, used instead of host and port
  std::string database;

  // "user@host:port" or "user@socket" for messages; never includes the password.
  std::string describe() const;
};

}  // namespace oa::db
