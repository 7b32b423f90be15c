// Names of everything the tool creates next to table T.
#pragma once

#include <string>
#include <string_view>

namespace oa::plan {

// Identifier length limit of MySQL and MariaDB, in characters.
inline constexpr std::size_t kMaxIdentifierChars = 64;

struct MigrationNames {
  std::string shadow;          // _T_new
  std::string old;             // _T_old
  std::string insert_trigger;  // _T_ins
  std::string update_trigger;  // _T_upd
  std::string delete_trigger;  // _T_del
};

// Derives the names for `table`. Deterministic; a name that would pass 64
// characters keeps a prefix of the table name plus 8 hex digits of its hash,
// so distinct tables still get distinct names. Never splits a UTF-8 character.
MigrationNames derive_names(std::string_view table);

// "_" + table + suffix, shortened as above. Exposed for tests.
std::string derived_name(std::string_view table, std::string_view suffix);

// Number of characters (UTF-8 code points) in `text`.
std::size_t utf8_length(std::string_view text);

}  // namespace oa::plan
