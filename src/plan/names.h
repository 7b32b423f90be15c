// Names of everything the tool creates next to table T.
#pragma once

#include <string>
#include <string_view>

namespace oa::plan {

// Identifier length limit of MySQL and MariaDB, in characters.
inline constexpr std::size_t kMaxIdentifierChars = 64;

struct MigrationNames {
  std::string shadow;          // T_oa_new: the new table being filled
  std::string change_log;      // T_oa_chg: keys of rows changed since the triggers exist
  std::string old;             // _T_old: the original after the swap
  std::string insert_trigger;  // T_oa_ins
  std::string update_trigger;  // T_oa_upd
  std::string delete_trigger;  // T_oa_del
  std::string checkpoint;      // T_oa_chk: where the copy stands, for --resume
  std::string heartbeat;       // T_oa_hb: a counter the replicas' lag is read from
  // The second capture set (--revertible): the log and triggers through which
  // the kept old table follows T after a swap. The set in use alternates with
  // each swap, because the next set is created on the shadow while the
  // current one still exists.
  std::string other_log;             // T_oa_rchg
  std::string other_insert_trigger;  // T_oa_rins
  std::string other_update_trigger;  // T_oa_rupd
  std::string other_delete_trigger;  // T_oa_rdel
};

// True for a trigger of either capture set: the tool's, not the table's own.
bool is_capture_trigger(const MigrationNames& names, const std::string& trigger);

// `names` with the two capture sets exchanged.
MigrationNames with_other_capture_set(MigrationNames names);

// Derives the names for `table`. Deterministic; a name that would pass 64
// characters keeps a prefix of the table name plus 8 hex digits of its hash,
// so distinct tables still get distinct names. Never splits a UTF-8 character.
// The shadow and the change log always sort after `table` byte by byte (see
// working_name). Throws RefusedError for the one kind of table name that
// cannot give such names: longer than 57 characters, with no ASCII character
// below '~' among its first 52.
MigrationNames derive_names(std::string_view table);

// A name for a table the cut-over locks together with `table`: it compares
// greater than `table` byte by byte, because the server takes the metadata
// locks of one statement in that order, and the cut-over depends on `table`
// being locked first (see phases/cutover.cpp). `table` + "_oa_" + role, or when
// that is too long, a prefix of `table`, "~", 8 hex digits of its hash, "_" and
// role, where "~" stands at a position where `table` has a smaller byte.
std::string working_name(std::string_view table, std::string_view role);

// "_" + table + suffix, shortened as above; for names with no ordering need.
std::string derived_name(std::string_view table, std::string_view suffix);

// The name of the server lock (GET_LOCK) that a run on `table` of `database`
// holds: one run per table. The server limits such names to 64 characters, so
// the table is named by a hash.
std::string run_lock_name(std::string_view database, std::string_view table);

// Number of characters (UTF-8 code points) in `text`.
std::size_t utf8_length(std::string_view text);

}  // namespace oa::plan
