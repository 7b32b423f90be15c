// Where each connection setting comes from, and which source wins.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "db/connection_settings.h"

namespace oa::cli {

// Each source holds settings keyed by long option name: "host", "port",
// "user", "password", "socket", "database", "ssl-mode", "ssl-ca", "ssl-cert",
// "ssl-key" (other keys are ignored).
struct ConnectionSources {
  std::map<std::string, std::string> command_line;   // the options and the DSN
  std::optional<std::string> environment_password;   // MYSQL_PWD
  std::map<std::string, std::string> defaults_file;  // [client] of --defaults-file
  std::map<std::string, std::string> home_file;      // [client] of ~/.my.cnf
  std::string login_name;                            // USER: the user when none is given
};

// Each setting from the first source that has it: the command line, then (for
// the password only) MYSQL_PWD, then --defaults-file, then ~/.my.cnf. Throws
// UsageError for a port that is not a number, an unknown ssl-mode, a
// VERIFY_CA or VERIFY_IDENTITY mode without ssl-ca, or a client certificate
// without its key (or the reverse).
db::ConnectionSettings resolve_connection(const ConnectionSources& sources);

// Parses an --ssl-mode value (any case). Throws UsageError listing the modes.
db::SslMode parse_ssl_mode(const std::string& text);

}  // namespace oa::cli
