#include "plan/names.h"

#include <xxhash.h>

#include <cstdio>
#include <utility>
#include <vector>

#include "error.h"

namespace oa::plan {
namespace {

constexpr std::size_t kHashChars = 8;  // 32 bits: collisions need ~65k tables sharing a prefix
constexpr char kSortsLate = '~';       // greater than every ASCII character a name usually has

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

std::string working_name(std::string_view table, std::string_view role) {
  std::string full = std::string(table) + "_oa_" + std::string(role);
  if (utf8_length(full) <= kMaxIdentifierChars) return full;
  const std::string tail = hash_hex(table) + "_" + std::string(role);
  // Keep as many leading characters as fit, then put '~' where the table has a
  // smaller byte: everything before is equal, so the name sorts after it.
  std::size_t chars = kMaxIdentifierChars - 1 - utf8_length(tail);
  for (;; --chars) {
    const std::string_view prefix = utf8_prefix(table, chars);
    const auto next = static_cast<unsigned char>(table[prefix.size()]);
    if (next < static_cast<unsigned char>(kSortsLate)) {
      return std::string(prefix) + kSortsLate + tail;
    }
    if (chars == 0) break;
  }
  throw RefusedError("the table name " + std::string(table) +
                     " is too long to derive the names of the shadow table and the change log "
                     "from it; rename the table to 57 characters or fewer first");
}

MigrationNames derive_names(std::string_view table) {
  return MigrationNames{
      working_name(table, "new"),  working_name(table, "chg"),  derived_name(table, "_old"),
      working_name(table, "ins"),  working_name(table, "upd"),  working_name(table, "del"),
      working_name(table, "chk"),  working_name(table, "hb"),   working_name(table, "rchg"),
      working_name(table, "rins"), working_name(table, "rupd"), working_name(table, "rdel")};
}

bool is_capture_trigger(const MigrationNames& n, const std::string& trigger) {
  for (const auto* name :
       {&n.insert_trigger, &n.update_trigger, &n.delete_trigger, &n.other_insert_trigger,
        &n.other_update_trigger, &n.other_delete_trigger}) {
    if (*name == trigger) return true;
  }
  return false;
}

MigrationNames with_other_capture_set(MigrationNames names) {
  std::swap(names.change_log, names.other_log);
  std::swap(names.insert_trigger, names.other_insert_trigger);
  std::swap(names.update_trigger, names.other_update_trigger);
  std::swap(names.delete_trigger, names.other_delete_trigger);
  return names;
}

std::string run_lock_name(std::string_view database, std::string_view table) {
  std::string both(database);
  both += '\0';  // no identifier contains it, so "a"."bc" and "ab"."c" differ
  both += table;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(both.data(), both.size())));
  return std::string("online-alter:") + buf;
}

}  // namespace oa::plan
