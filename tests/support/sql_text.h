// Pure functions that turn names and values into SQL text. The tests never
// paste a value into SQL except through these.
#pragma once

#include <string>

namespace oa::test {

// `name` in backticks, with every backtick doubled.
std::string quote_identifier(const std::string& name);

// `database`.`table`, both quoted.
std::string qualified_name(const std::string& database, const std::string& table);

// A utf8mb4 string literal written as hex (_utf8mb4 X'..'), so that no byte of
// `value` needs escaping; it takes the collation of the column it is compared with.
std::string text_literal(const std::string& value);

// `value` itself when it is a decimal integer (optional leading '-'); throws
// std::invalid_argument otherwise.
std::string integer_literal(const std::string& value);

// `value` with every byte outside printable ASCII written as \xNN, cut to
// `max_length` characters with "..." appended; for messages.
std::string printable(const std::string& value, std::size_t max_length = 40);

// `text` with ASCII letters in lower case; other bytes unchanged.
std::string ascii_lower(const std::string& text);

}  // namespace oa::test
