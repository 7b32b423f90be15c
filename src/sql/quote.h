// Identifier quoting: the only way an identifier enters generated SQL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oa::sql {

// Returns `name` in backticks with every backtick doubled, valid for any
// identifier MySQL and MariaDB accept (spaces, reserved words, non-ASCII).
std::string quote_identifier(std::string_view name);

// Returns `db`.`name`.
std::string qualified_name(std::string_view db, std::string_view name);

// Returns the quoted names joined by ", ", optionally each prefixed by `prefix.`
// (prefix is an already-quoted qualifier such as NEW or `t`).
std::string quoted_list(const std::vector<std::string>& names, std::string_view prefix = {});

}  // namespace oa::sql
