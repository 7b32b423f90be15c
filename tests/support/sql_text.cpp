#include "support/sql_text.h"

#include <cstdio>
#include <stdexcept>

namespace oa::test {

std::string quote_identifier(const std::string& name) {
  std::string quoted = "`";
  for (char c : name) {
    quoted += c;
    if (c == '`') quoted += '`';
  }
  return quoted + "`";
}

std::string qualified_name(const std::string& database, const std::string& table) {
  return quote_identifier(database) + "." + quote_identifier(table);
}

std::string text_literal(const std::string& value) {
  static const char kHex[] = "0123456789ABCDEF";
  // An empty X'' is a valid (empty) literal.
  std::string literal = "_utf8mb4 X'";
  for (unsigned char c : value) {
    literal += kHex[c >> 4];
    literal += kHex[c & 0xf];
  }
  return literal + "'";
}

std::string integer_literal(const std::string& value) {
  std::size_t start = (!value.empty() && value[0] == '-') ? 1 : 0;
  if (start == value.size()) throw std::invalid_argument("not an integer: '" + value + "'");
  for (std::size_t i = start; i < value.size(); ++i) {
    if (value[i] < '0' || value[i] > '9') {
      throw std::invalid_argument("not an integer: '" + printable(value) + "'");
    }
  }
  return value;
}

std::string printable(const std::string& value, std::size_t max_length) {
  std::string out;
  for (unsigned char c : value) {
    if (out.size() >= max_length) return out + "...";
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", c);
      out += buffer;
    }
  }
  return out;
}

std::string ascii_lower(const std::string& text) {
  std::string lower = text;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

}  // namespace oa::test
