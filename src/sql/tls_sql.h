// Text of the query that tells whether a session is encrypted.
#pragma once

#include <string>

namespace oa::sql {

// One row: the name Ssl_cipher and the session's cipher, empty when the
// session is not encrypted. MariaDB and MySQL alike.
std::string session_cipher();

}  // namespace oa::sql
