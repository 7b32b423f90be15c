// Brings the shadow up to date with the changes the triggers logged.
#pragma once

#include <cstdint>

#include "db/connection.h"
#include "db/db_error.h"
#include "db/retry.h"
#include "error.h"
#include "phases/chunker.h"
#include "plan/migration_plan.h"
#include "sql/change_log_sql.h"

namespace oa::phases {

// The keys the copy has yet to read: after < key <= end.
struct UncopiedKeys {
  std::optional<Key> after;  // nullopt before the first chunk
  Key end;
  std::vector<bool> binary;  // per key column, as the Chunker binds it
};

// A logged row that the target table cannot hold: a value out of range or
// too long, or a duplicate under one of its UNIQUE keys. Exit status 5.
class MisfitChangeError : public Error {
 public:
  MisfitChangeError(const std::string& message, std::string server_text)
      : Error(ExitCode::kMigrationFailed, message), server_text_(std::move(server_text)) {}
  const std::string& server_text() const { return server_text_; }

 private:
  std::string server_text_;
};

class ChangeApplier {
 public:
  // Requires plan.has_shadow_details(). apply() rides out lost connections
  // as `retry` says.
  explicit ChangeApplier(const plan::MigrationPlan& plan, db::RetryPolicy retry = {});

  // Applies the logged changes `c` can see, oldest first, each batch in one
  // transaction, up to the newest entry at the start of the call. Entries for
  // `uncopied` keys are forgotten without being applied: the copy reads those
  // rows later, changes included, and the shadow has no row for them yet.
  // Requires a READ COMMITTED session (ServerAccess::copy()), so each batch
  // reads T as it is now, and that no copy chunk runs meanwhile (a chunk's
  // older snapshot could bring back a row deleted after it). Returns the
  // number of log entries applied or forgotten. Throws
  // Error(kMigrationFailed) when a changed row does not fit the shadow.
  std::uint64_t apply(db::Connection& c, const std::optional<UncopiedKeys>& uncopied = {});

  // The same, for a session that holds LOCK TABLES on T, the shadow and the
  // log: applies everything, statement by statement (a transaction would end
  // the table locks; with every writer locked out none is needed).
  std::uint64_t apply_under_table_locks(db::Connection& c);

  // Number of entries in the log now.
  std::uint64_t logged(db::Connection& c) const;

  const sql::ChangeLogSpec& spec() const { return spec_; }

 private:
  std::uint64_t apply_loop(db::Connection& c, const std::optional<UncopiedKeys>& uncopied,
                           bool transactions);
  enum class RangeOutcome {
    kApplied,
    // An entry belongs to a transaction still open, or one committed into the
    // range while the batch ran; nothing changed.
    kOpenTransaction,
    kDuplicate  // a row met a duplicate under a UNIQUE key; nothing changed
  };
  // Applies the entries numbered first..last; they stay in the log unless it
  // returns kApplied (applying them again is harmless). A duplicate's error
  // is left in `duplicate`.
  RangeOutcome apply_range(db::Connection& c, std::uint64_t first, std::uint64_t last,
                           const std::optional<UncopiedKeys>& uncopied, bool transaction,
                           std::optional<db::DbError>& duplicate);
  // apply_range(), riding out duplicates that a late entry can cause: the
  // same range again, then together with the rest up to `horizon` (the
  // entries of a transaction that moved a unique value can straddle two
  // batches). Throws MisfitChangeError when the duplicate stays. Returns the
  // outcome and the last entry it covered.
  std::pair<RangeOutcome, std::uint64_t> apply_settling(db::Connection& c, std::uint64_t first,
                                                        std::uint64_t last, std::uint64_t horizon,
                                                        const std::optional<UncopiedKeys>& uncopied,
                                                        bool transaction);
  sql::ChangeLogSpec spec_;
  db::RetryPolicy retry_;
};

}  // namespace oa::phases
