// The revert window of a --revertible swap, kept in the checkpoint row: the
// column pairs a revert maps back (one list per capture set) and the time
// (UTC) until which a revert is offered.
#pragma once

#include <optional>
#include <string>

#include "db/connection.h"
#include "plan/revert_plan.h"

namespace oa::revert {

struct RevertWindow {
  bool other_set = false;   // T carries the second capture set (T_oa_r*)
  plan::ColumnPairs pairs;  // (column of _T_old, column of T), for that set
  std::string until;        // 'YYYY-MM-DD hh:mm:ss' UTC
  bool expired = false;
};

// Saves the pairs a revert through the first (`other_set`: the second)
// capture set maps back; before the swap that puts that set on `table`
// (see checkpoint_sql.h).
void save_pairs(db::Connection& c, const std::string& db, const std::string& table, bool other_set,
                const plan::ColumnPairs& pairs);

// Whether `capture` (a plan::way_back_capture of `table`) is the second set.
bool is_other_set(const std::string& table, const plan::MigrationPlan& capture);

// Marks the checkpoint row of `table` revertible for `seconds` from now.
void open_window(db::Connection& c, const std::string& db, const std::string& table,
                 double seconds);

// nullopt when there is no checkpoint or it is not revertible.
std::optional<RevertWindow> read_window(db::Connection& c, const std::string& db,
                                        const std::string& table);

// Throws RefusedError when `table` has an open revert window (expired or
// not): `doing` (a new migration, a cleanup) would break it. Names the
// window's end and the commands that close it.
void refuse_if_window_open(db::Connection& c, const std::string& db, const std::string& table,
                           const std::string& doing);

// The commands that revert and finalize the table, for messages and plans.
std::string revert_command(const std::string& db, const std::string& table);
std::string finalize_command(const std::string& db, const std::string& table);

}  // namespace oa::revert
