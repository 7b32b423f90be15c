// A JSON object written one member at a time, for the machine-readable log
// and the status a control socket or a summary reports. Pure; never throws.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "log.h"

namespace oa::status {

// `text` as a JSON string literal, quotes included. Bytes that are not valid
// UTF-8 become U+FFFD, so the output always parses.
std::string json_string(std::string_view text);

class JsonObject {
 public:
  JsonObject& add(std::string_view key, std::string_view value);
  JsonObject& add(std::string_view key, const char* value) {
    return add(key, std::string_view(value));
  }
  JsonObject& add(std::string_view key, std::int64_t value);
  JsonObject& add(std::string_view key, std::uint64_t value);
  JsonObject& add(std::string_view key, int value) { return add(key, std::int64_t{value}); }
  JsonObject& add(std::string_view key, unsigned value) { return add(key, std::uint64_t{value}); }
  // Finite values with up to 3 decimals; NaN and infinities become null.
  JsonObject& add(std::string_view key, double value);
  JsonObject& add(std::string_view key, bool value);
  JsonObject& add(std::string_view key, const JsonObject& value);
  JsonObject& add_null(std::string_view key);
  // Every member of `other`, after this object's own.
  JsonObject& merge(const JsonObject& other);

  bool empty() const { return members_.empty(); }
  // The object on one line: {"a":1,"b":"x"}.
  std::string text() const { return "{" + members_ + "}"; }

 private:
  JsonObject& raw(std::string_view key, const std::string& json);
  std::string members_;
};

// `fields` as one object, in their order.
JsonObject to_json(const log::Fields& fields);

}  // namespace oa::status
