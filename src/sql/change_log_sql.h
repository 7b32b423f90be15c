// Text of the statements that keep the change log: creating it, applying the
// changes it records to the shadow, and forgetting them. Pure functions; values
// are placeholders.
#pragma once

#include <string>
#include <vector>

#include "sql/key_collation.h"

namespace oa::sql {

// The log's own column: the order in which changes were logged.
inline constexpr const char* kChangeSequence = "_oa_seq";

struct ChangeLogSpec {
  std::string db;
  std::string table;                        // T
  std::string shadow;                       // the new table
  std::string change_log;                   // the log
  std::vector<std::string> key_source;      // T's chunk key columns, also the log's
  std::vector<std::string> key_target;      // the shadow's columns for them, same order
  std::vector<std::string> source_columns;  // T columns that are copied
  std::vector<std::string> target_columns;  // the shadow column for each
  // Per key column, where the shadow collates it otherwise than T. The log
  // then holds every spelling a key had (see triggers.h), and the shadow's
  // rows are removed by each exact spelling, compared as the shadow does.
  KeyCollations key_collations;
};

// Creates the log: the sequence plus T's key columns with T's exact types and
// collations (taken from T itself, so keys compare as they do in T).
std::string create_change_log(const ChangeLogSpec& spec);

// The newest sequence number in the log, NULL when it is empty.
std::string last_logged(const ChangeLogSpec& spec);

// MIN, MAX and COUNT of the sequence numbers of the oldest logged changes the
// reader can see. Placeholder: how many.
std::string next_span(const ChangeLogSpec& spec);

// Locks the entries of a range (placeholders: first, last), so that a
// session that does not wait for locks fails at once on an uncommitted one.
std::string lock_changes(const ChangeLogSpec& spec);

// The oldest logged changes the reader can see: sequence numbers, ascending.
// Placeholder: the maximum count.
std::string next_changes(const ChangeLogSpec& spec);

// Which logged keys a batch leaves out: those in the range the copy has yet
// to read (lower < key <= end, or key <= end before the first chunk). The
// copy reads them later, after the change, so applying them now is wasted.
struct Uncopied {
  bool skip = false;       // false: apply every key (the copy is done)
  bool has_lower = false;  // the copy has read a first chunk
};

// The three statements that apply the changes with sequence numbers in one
// range, in one transaction, in this order: remove the shadow's rows for those
// keys, copy T's current rows for them (a key no longer in T stays removed),
// forget the whole range. Placeholders of the first two: first, last, then
// the lower bound (if has_lower) and the end of the uncopied range (if skip);
// of the third: first, last. A plain INSERT, not REPLACE or ON DUPLICATE KEY
// UPDATE: a row that collides with another row of the shadow under a key the
// ALTER adds must fail, not overwrite that row. T's rows are found in T's
// collation (each once, however many spellings were logged), the shadow's in
// the shadow's, so that both lookups use an index.
// Where a key column's collation changes, the first statement removes the
// shadow's rows under every logged spelling and under the spelling T's row
// has now, and takes its placeholders twice over.
std::string delete_changed_rows(const ChangeLogSpec& spec, Uncopied uncopied = {});
std::string copy_changed_rows(const ChangeLogSpec& spec, Uncopied uncopied = {});
std::string forget_changes(const ChangeLogSpec& spec);

// The number of logged keys: all of them, or those present in T or in the
// shadow (each counted once however often it was logged). With a consistent
// snapshot, rows(T) - changed(T) must equal rows(shadow) - changed(shadow).
// The shadow's keys are matched as T compares them.
std::string count_logged(const ChangeLogSpec& spec);
std::string count_changed_in_table(const ChangeLogSpec& spec);
std::string count_changed_in_shadow(const ChangeLogSpec& spec);

}  // namespace oa::sql
