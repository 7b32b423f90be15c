// Where and as whom to connect. Filled from options, MYSQL_PWD and a defaults file.
#pragma once

#include <string>

namespace oa::db {

// --ssl-mode, with the meanings of the mysql client's option of the same name.
enum class SslMode {
  kDisabled,        // plain connection
  kPreferred,       // TLS when the server offers it, else plain; no certificate check
  kRequired,        // TLS or no connection; with a CA, the certificate is checked too
  kVerifyCa,        // TLS, and the server's certificate is signed by ssl_ca
  kVerifyIdentity,  // as kVerifyCa, and the certificate names the host connected to
};

struct ConnectionSettings {
  std::string host = "localhost";
  unsigned port = 3306;
  std::string user;
  std::string password;  // never logged
  std::string socket;    // when set, used instead of host and port
  std::string database;
  SslMode ssl_mode = SslMode::kPreferred;
  std::string ssl_ca;    // PEM file of the certificate authority
  std::string ssl_cert;  // PEM file of the client certificate
  std::string ssl_key;   // PEM file of the client certificate's key

  // "user@host:port" or "user@socket" for messages; never includes the password.
  std::string describe() const;
};

}  // namespace oa::db
