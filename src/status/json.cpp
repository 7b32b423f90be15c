#include "status/json.h"

#include <cmath>
#include <cstdio>
#include <variant>

namespace oa::status {
namespace {

// Length of the valid UTF-8 sequence at text[i], or 0 when it is not one.
std::size_t utf8_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  if (lead >= 0xE0 && lead <= 0xEF) length = 3;
  if (lead >= 0xF0 && lead <= 0xF4) length = 4;
  if (length == 0 || i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  // Overlong three- and four-byte forms, surrogates, and beyond U+10FFFF.
  if (lead == 0xE0 && byte(i + 1) < 0xA0) return 0;
  if (lead == 0xED && byte(i + 1) > 0x9F) return 0;
  if (lead == 0xF0 && byte(i + 1) < 0x90) return 0;
  if (lead == 0xF4 && byte(i + 1) > 0x8F) return 0;
  return length;
}

}  // namespace

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      const std::size_t length = utf8_length(text, i);
      out += length ? std::string(text.substr(i, length)) : "\\ufffd";
      i += length ? length : 1;
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out += escaped;
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  return out + "\"";
}

JsonObject& JsonObject::raw(std::string_view key, const std::string& json) {
  if (!members_.empty()) members_ += ",";
  members_ += json_string(key) + ":" + json;
  return *this;
}

JsonObject& JsonObject::add(std::string_view key, std::string_view value) {
  return raw(key, json_string(value));
}

JsonObject& JsonObject::add(std::string_view key, std::int64_t value) {
  return raw(key, std::to_string(value));
}

JsonObject& JsonObject::add(std::string_view key, std::uint64_t value) {
  return raw(key, std::to_string(value));
}

JsonObject& JsonObject::add(std::string_view key, double value) {
  if (!std::isfinite(value)) return add_null(key);
  char text[64];
  std::snprintf(text, sizeof text, "%.3f", value);
  std::string number = text;
  // 1.500 -> 1.5, 2.000 -> 2: what a reader expects of a duration.
  number.erase(number.find_last_not_of('0') + 1);
  if (number.back() == '.') number.pop_back();
  if (number == "-0") number = "0";
  return raw(key, number);
}

JsonObject& JsonObject::add(std::string_view key, bool value) {
  return raw(key, value ? "true" : "false");
}

JsonObject& JsonObject::add(std::string_view key, const JsonObject& value) {
  return raw(key, value.text());
}

JsonObject& JsonObject::add_null(std::string_view key) { return raw(key, "null"); }

JsonObject& JsonObject::merge(const JsonObject& other) {
  if (other.members_.empty()) return *this;
  if (!members_.empty()) members_ += ",";
  members_ += other.members_;
  return *this;
}

JsonObject to_json(const log::Fields& fields) {
  JsonObject out;
  for (const auto& f : fields) {
    std::visit([&](const auto& v) { out.add(f.key, v); }, f.value);
  }
  return out;
}

}  // namespace oa::status
