// Text of the statements that keep the checkpoint: one row in a small table
// next to the shadow that says how far the run got. Pure functions; values are
// placeholders.
#pragma once

#include <string>

namespace oa::sql {

// The checkpoint table: one row (id 1).
std::string create_checkpoint(const std::string& db, const std::string& table);

// Its row. Placeholders: the tool's version, the alter text, the original's
// definition, the plan summary, the chunk settings (for the record).
std::string insert_checkpoint(const std::string& db, const std::string& table);

// Placeholder: the stage ("preparing", "copying", "copied").
std::string set_checkpoint_stage(const std::string& db, const std::string& table);

// Placeholder: the encoded definitions of the deferred indexes.
std::string set_deferred_indexes(const std::string& db, const std::string& table);

// One chunk committed, in the chunk's own transaction. Placeholders: the
// encoded end key of the copy, the encoded key the copy has reached, the rows
// the chunk inserted.
std::string record_chunk(const std::string& db, const std::string& table);

// Before the swap's first lock (a migration's or a revert's): from here on
// the table's own triggers may be dropped from T, so a stopped run must put
// back any that are missing. Placeholder: T's own triggers now, encoded.
std::string mark_swap_begun(const std::string& db, const std::string& table);

// Columns: tool_version, alter_text, original_definition, plan_summary,
// deferred_indexes, stage, copy_end, copied_up_to, rows_copied, chunks,
// started_at, chunk_settings, foreign_keys, own_triggers, swap_begun.
std::string read_checkpoint(const std::string& db, const std::string& table);

// The column pairs a revert through the first (or, `other_set`, the second)
// capture set maps back; saved before that set takes over, so a swap cut
// short leaves pairs that match whichever set T carries. Placeholder: them,
// encoded.
std::string save_revert_columns(const std::string& db, const std::string& table, bool other_set);

// After a --revertible swap (or a revert): the stage becomes "revertible".
// Placeholder: the length of the revert window in seconds (from now, UTC).
std::string open_revert_window(const std::string& db, const std::string& table);

// Columns: stage, the pairs of the set, revert_until as 'YYYY-MM-DD
// hh:mm:ss' UTC, 1 when it has passed.
std::string read_revert_window(const std::string& db, const std::string& table, bool other_set);

}  // namespace oa::sql
