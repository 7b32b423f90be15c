#include "db/tls_properties.h"

namespace oa::db {
namespace {

constexpr int kTlsHandshakeFailed = 2026;  // CR_SSL_CONNECTION_ERROR
constexpr int kAccessDenied = 1045;        // ER_ACCESS_DENIED_ERROR

}  // namespace

// The connector is linked with MariaDB Connector/C, which ignores
// OPT_SSL_MODE (tested against MariaDB 10.11: a REQUIRE SSL account is still
// refused with it) and starts TLS only when asked with sslEnforce or given a
// certificate file. Given sslCA it always checks the certificate chain;
// sslVerify adds the check of the host name. So each mode is built from
// sslEnforce, the files, and sslVerify.
void add_tls_properties(const ConnectionSettings& settings, ::sql::ConnectOptionsMap& properties) {
  if (settings.ssl_mode == SslMode::kDisabled) return;
  properties["sslEnforce"] = true;
  if (!settings.ssl_ca.empty()) properties["sslCA"] = ::sql::SQLString(settings.ssl_ca);
  if (!settings.ssl_cert.empty()) properties["sslCert"] = ::sql::SQLString(settings.ssl_cert);
  if (!settings.ssl_key.empty()) properties["sslKey"] = ::sql::SQLString(settings.ssl_key);
  if (settings.ssl_mode == SslMode::kVerifyIdentity) properties["sslVerify"] = true;
}

// PREFERRED means plain when the server has no TLS; with a CA the user asked
// for a check, and a failed check must not be silently skipped.
bool retry_without_tls(const ConnectionSettings& settings, int error_code) {
  return settings.ssl_mode == SslMode::kPreferred && settings.ssl_ca.empty() &&
         error_code == kTlsHandshakeFailed;
}

std::string tls_hint(const ConnectionSettings& settings, int error_code) {
  if (error_code == kAccessDenied && settings.ssl_mode == SslMode::kDisabled) {
    return "; an account created REQUIRE SSL is refused with --ssl-mode DISABLED";
  }
  if (error_code == kTlsHandshakeFailed) {
    return "; check --ssl-mode and that --ssl-ca is the authority that signed the server's "
           "certificate";
  }
  return "";
}

}  // namespace oa::db
