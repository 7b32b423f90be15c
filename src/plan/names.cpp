#include "plan/names.h"

#include <xxhash.h>

#include <cstdio>

namespace oa::plan {
namespace {

constexpr std::size_t kHashChars = 8;  // 32 bits: collisions need ~65k tables sharing a prefix

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The first `chars` characters of `text`.
std::string_view utf8_prefix(std::string_view text, std::size_t chars) {
  std::size_t i = 0;
  for (std::size_t n = 0; i < text.size() && n < chars; ++n) {
    ++i;
    while (i < text.size() && is_continuation_byte(text[i])) ++i;
  }
  return text.substr(0, i);
}

std::string hash_hex(std::string_view text) {
  const auto hash = static_cast<unsigned>(XXH3_64bits(text.data(), text.size()) & 0xFFFFFFFFu);
  char buf[kHashChars + 1];
  std::snprintf(buf, sizeof buf, "%08x", hash);
  return buf;
}

}  // namespace

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) {
    if (!is_continuation_byte(c)) ++n;
  }
  return n;
}

std::string derived_name(std::string_view table, std::string_view suffix) {
  std::string full = "_" + std::string(table) + std::string(suffix);
  if (utf8_length(full) <= kMaxIdentifierChars) return full;
  const std::size_t fixed = 1 + 1 + kHashChars + utf8_length(suffix);  // "_" prefix "_" hash suffix
  const std::size_t room = kMaxIdentifierChars - fixed;
  return "_" + std::string(utf8_prefix(table, room)) + "_" + hash_hex(table) + std::string(suffix);
}

MigrationNames derive_names(std::string_view table) {
  return MigrationNames{derived_name(table, "_new"), derived_name(table, "_old"),
                        derived_name(table, "_ins"), derived_name(table, "_upd"),
                        derived_name(table, "_del")};
}

}  // namespace oa::plan
