// Brings the shadow up to date with the changes the triggers logged.
#pragma once

#include <cstdint>

#include "db/connection.h"
#include "plan/migration_plan.h"
#include "sql/change_log_sql.h"

namespace oa::phases {

class ChangeApplier {
 public:
  // Requires plan.has_shadow_details().
  explicit ChangeApplier(const plan::MigrationPlan& plan);

  // Applies the logged changes `c` can see, oldest first, each batch in one
  // transaction, up to the newest entry at the start of the call or until
  // `max_entries` have been applied (0 = no limit). Requires a READ COMMITTED session
  // (ServerAccess::copy()), so each batch reads T as it is now. Returns the number of log entries
  // applied. Throws Error(kMigrationFailed) when a changed row does not fit the shadow.
  std::uint64_t apply(db::Connection& c, std::uint64_t max_entries = 0);

  // The same, for a session that holds LOCK TABLES on T, the shadow and the
  // log: applies everything, statement by statement (a transaction would end
  // the table locks; with every writer locked out none is needed).
  std::uint64_t apply_under_table_locks(db::Connection& c);

  // Number of entries in the log now.
  std::uint64_t logged(db::Connection& c) const;

  const sql::ChangeLogSpec& spec() const { return spec_; }

 private:
  std::uint64_t apply_loop(db::Connection& c, std::uint64_t max_entries, bool transactions);
  // Applies the entries numbered first..last. False when one of them belongs
  // to a transaction still open (nothing was changed then).
  bool apply_range(db::Connection& c, std::uint64_t first, std::uint64_t last, bool transaction);
  sql::ChangeLogSpec spec_;
};

}  // namespace oa::phases
