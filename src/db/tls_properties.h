// How the TLS settings become Connector/C++ 1.1 connection properties.
#pragma once

#include <cppconn/connection.h>

#include "db/connection_settings.h"

namespace oa::db {

// Adds the properties that give a connection the TLS of `settings` (none for
// SslMode::kDisabled) to `properties`.
void add_tls_properties(const ConnectionSettings& settings, ::sql::ConnectOptionsMap& properties);

// Throws sql::SQLException (error 2026) when `settings` require TLS
// (REQUIRED and stronger) and `connection` is not encrypted.
void require_encrypted(::sql::Connection& connection, const ConnectionSettings& settings);

// Whether a connection that failed with `error_code` is tried again without
// TLS: only with SslMode::kPreferred and no certificate authority given, when
// the failure was the TLS handshake itself.
bool retry_without_tls(const ConnectionSettings& settings, int error_code);

// A hint for a refused connection: what the TLS settings may have to do with
// error `error_code`; empty when nothing.
std::string tls_hint(const ConnectionSettings& settings, int error_code);

}  // namespace oa::db
