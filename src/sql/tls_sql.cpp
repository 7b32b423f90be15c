#include "sql/tls_sql.h"

namespace oa::sql {

std::string session_cipher() { return "SHOW SESSION STATUS LIKE 'Ssl_cipher'"; }

}  // namespace oa::sql
