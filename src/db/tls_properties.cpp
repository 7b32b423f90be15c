#include "db/tls_properties.h"

#include <cppconn/exception.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>

#include <memory>

#include "db/db_error.h"
#include "sql/tls_sql.h"

namespace oa::db {
namespace {

constexpr int kAccessDenied = 1045;  // ER_ACCESS_DENIED_ERROR

}  // namespace

// The connector is linked with MariaDB Connector/C, which ignores
// OPT_SSL_MODE (tested against MariaDB 10.11: a REQUIRE SSL account is still
// refused with it) and starts TLS only when asked with sslEnforce or given a
// certificate file. Given sslCA it always checks the certificate chain;
// sslVerify adds the check of the host name. So each mode is built from
// sslEnforce, the files, and sslVerify. Neither sslEnforce nor sslCA refuses a
// server without TLS, though: it connects in plain text (tested against a
// MariaDB 10.11 started with skip-ssl), hence require_encrypted().
void add_tls_properties(const ConnectionSettings& settings, ::sql::ConnectOptionsMap& properties) {
  if (settings.ssl_mode == SslMode::kDisabled) return;
  properties["sslEnforce"] = true;
  if (!settings.ssl_ca.empty()) properties["sslCA"] = ::sql::SQLString(settings.ssl_ca);
  if (!settings.ssl_cert.empty()) properties["sslCert"] = ::sql::SQLString(settings.ssl_cert);
  if (!settings.ssl_key.empty()) properties["sslKey"] = ::sql::SQLString(settings.ssl_key);
  if (settings.ssl_mode == SslMode::kVerifyIdentity) properties["sslVerify"] = true;
}

void require_encrypted(::sql::Connection& connection, const ConnectionSettings& settings) {
  if (settings.ssl_mode == SslMode::kDisabled || settings.ssl_mode == SslMode::kPreferred) return;
  std::unique_ptr<::sql::Statement> statement(connection.createStatement());
  std::unique_ptr<::sql::ResultSet> row(statement->executeQuery(sql::session_cipher()));
  if (row->next() && !row->getString(2).asStdString().empty()) return;
  throw ::sql::SQLException(
      "the server did not start TLS (it may not offer it), and --ssl-mode " +
          std::string(settings.ssl_mode == SslMode::kRequired   ? "REQUIRED"
                      : settings.ssl_mode == SslMode::kVerifyCa ? "VERIFY_CA"
                                                                : "VERIFY_IDENTITY") +
          " does not allow a plain connection",
      "HY000", kErrTlsConnection);
}

// PREFERRED means plain when the server has no TLS; with a CA the user asked
// for a check, and a failed check must not be silently skipped.
bool retry_without_tls(const ConnectionSettings& settings, int error_code) {
  return settings.ssl_mode == SslMode::kPreferred && settings.ssl_ca.empty() &&
         error_code == kErrTlsConnection;
}

std::string tls_hint(const ConnectionSettings& settings, int error_code) {
  if (error_code == kAccessDenied && settings.ssl_mode == SslMode::kDisabled) {
    return "; an account created REQUIRE SSL is refused with --ssl-mode DISABLED";
  }
  if (error_code == kErrTlsConnection) {
    return "; check --ssl-mode and that --ssl-ca is the authority that signed the server's "
           "certificate";
  }
  return "";
}

}  // namespace oa::db
