// The revert window of a --revertible swap, kept in the checkpoint row: the
// column pairs a revert maps back and the time (UTC) until which a revert
// is offered.
#pragma once

#include <optional>
#include <string>

#include "db/connection.h"
#include "plan/revert_plan.h"

namespace oa::revert {

struct RevertWindow {
  plan::ColumnPairs pairs;  // (column of _T_old, column of T)
  std::string until;        // 'YYYY-MM-DD hh:mm:ss' UTC
  bool expired = false;
};

// Marks the checkpoint row of `names` revertible for `seconds` from now.
void open_window(db::Connection& c, const std::string& db, const plan::MigrationNames& names,
                 const plan::ColumnPairs& pairs, double seconds);

// nullopt when there is no checkpoint or it is not revertible.
std::optional<RevertWindow> read_window(db::Connection& c, const std::string& db,
                                        const plan::MigrationNames& names);

// Throws RefusedError when `table` has an open revert window (expired or
// not): `doing` (a new migration, a cleanup) would break it. Names the
// window's end and the commands that close it.
void refuse_if_window_open(db::Connection& c, const std::string& db, const std::string& table,
                           const std::string& doing);

// The commands that revert and finalize the table, for messages and plans.
std::string revert_command(const std::string& db, const std::string& table);
std::string finalize_command(const std::string& db, const std::string& table);

}  // namespace oa::revert
