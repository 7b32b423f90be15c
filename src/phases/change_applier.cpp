#include "phases/change_applier.h"

#include <algorithm>

#include "db/db_error.h"
#include "db/retry.h"
#include "error.h"

namespace oa::phases {
namespace {

// Log entries per batch. A hot row is logged again and again and a batch
// copies each key once, so large batches do far less work per entry (measured
// with 4 unthrottled writers on a 12,000-row table: 2,000-entry batches fell
// behind a log growing by 6,000 entries/s). The bound keeps one batch's
// transaction well under a second.
constexpr std::uint64_t kBatchEntries = 10000;

// A batch that meets a duplicate key is run this often before the duplicate
// counts as the data's: a late entry explains the first (see apply_settling).
constexpr int kDuplicateRetries = 3;

db::Param integer(std::uint64_t v) { return db::Param{std::to_string(v), false, true}; }

void append(std::vector<db::Param>& to, const std::vector<db::Param>& more) {
  to.insert(to.end(), more.begin(), more.end());
}

std::uint64_t number(const db::Value& v) { return v ? std::stoull(*v) : 0; }

// The first run of consecutive sequence numbers in `rows`.
std::pair<std::uint64_t, std::uint64_t> first_run(const std::vector<db::Row>& rows) {
  const std::uint64_t first = number(rows.front()[0]);
  std::uint64_t last = first;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const std::uint64_t seq = number(rows[i][0]);
    if (seq != last + 1) break;
    last = seq;
  }
  return {first, last};
}

}  // namespace

ChangeApplier::ChangeApplier(const plan::MigrationPlan& plan, db::RetryPolicy retry)
    : spec_(plan::change_log_spec(plan)), retry_(retry) {}

std::uint64_t ChangeApplier::apply(db::Connection& c, const std::optional<UncopiedKeys>& uncopied) {
  // Each batch is one transaction that removes its entries from the log, so
  // running the loop again after a lost connection applies nothing twice.
  std::uint64_t n = 0;
  db::with_retries(c, retry_, "applying logged changes",
                   [&] { n = apply_loop(c, uncopied, true); });
  return n;
}

std::uint64_t ChangeApplier::apply_under_table_locks(db::Connection& c) {
  return apply_loop(c, std::nullopt, false);
}

std::uint64_t ChangeApplier::logged(db::Connection& c) const {
  return c.query_number(sql::count_logged(spec_));
}

std::uint64_t ChangeApplier::apply_loop(db::Connection& c,
                                        const std::optional<UncopiedKeys>& uncopied,
                                        bool transactions) {
  // Entries logged after this point wait for the next call: under a steady
  // write load the log is never empty, and the copy must go on.
  const std::uint64_t horizon = c.query_number(sql::last_logged(spec_));
  std::uint64_t applied = 0;
  if (horizon == 0) return applied;  // an empty log, the common case between chunks
  for (;;) {
    const auto span = c.query(sql::next_span(spec_), {integer(kBatchEntries)});
    if (span.empty() || !span.front()[0] || number(span.front()[0]) > horizon) break;
    std::uint64_t first = number(span.front()[0]);
    std::uint64_t last = std::min(number(span.front()[1]), horizon);
    RangeOutcome outcome;
    std::tie(outcome, last) = apply_settling(c, first, last, horizon, uncopied, transactions);
    if (outcome == RangeOutcome::kOpenTransaction) {
      // A transaction that has not committed yet holds a number inside the
      // span (the gaps of rolled-back ones are harmless). Apply up to it.
      const auto rows = c.query(sql::next_changes(spec_), {integer(kBatchEntries)});
      if (rows.empty()) break;
      std::tie(first, last) = first_run(rows);
      last = std::min(last, horizon);
      std::tie(outcome, last) = apply_settling(c, first, last, last, uncopied, transactions);
      if (outcome != RangeOutcome::kApplied) break;
    }
    applied += last - first + 1;
  }
  return applied;
}

std::pair<ChangeApplier::RangeOutcome, std::uint64_t> ChangeApplier::apply_settling(
    db::Connection& c, std::uint64_t first, std::uint64_t last, std::uint64_t horizon,
    const std::optional<UncopiedKeys>& uncopied, bool transaction) {
  std::optional<db::DbError> duplicate;
  for (int attempt = 1;; ++attempt) {
    const RangeOutcome outcome = apply_range(c, first, last, uncopied, transaction, duplicate);
    if (outcome != RangeOutcome::kDuplicate) return {outcome, last};
    // An entry committed into the range after it was locked (numbers are
    // handed out before the insert that uses them) is seen by the copy of
    // T's rows but not by the removal of the shadow's: run the range again,
    // with that entry locked too. Then take the rest up to the horizon with it.
    if (attempt < kDuplicateRetries) continue;
    if (last < horizon) {
      last = horizon;
      continue;
    }
    throw MisfitChangeError(
        "applying the logged changes to the new table failed: " + duplicate->server_text() +
            " (server error " + std::to_string(duplicate->server_code()) +
            "). A row written by the application does not fit the new schema: a duplicate "
            "under a UNIQUE key the ALTER adds, or a key equal to another row's under the "
            "collation the ALTER gives it; nothing was swapped",
        duplicate->server_text());
  }
}

ChangeApplier::RangeOutcome ChangeApplier::apply_range(db::Connection& c, std::uint64_t first,
                                                       std::uint64_t last,
                                                       const std::optional<UncopiedKeys>& uncopied,
                                                       bool transaction,
                                                       std::optional<db::DbError>& duplicate) {
  const std::vector<db::Param> range{integer(first), integer(last)};
  std::vector<db::Param> selected = range;
  sql::Uncopied skip;
  if (uncopied) {
    skip = {true, uncopied->after.has_value()};
    const auto& columns = spec_.key_source;
    if (uncopied->after)
      append(selected, bind_key(sql::key_after(columns), *uncopied->after, uncopied->binary));
    append(selected, bind_key(sql::key_up_to(columns), uncopied->end, uncopied->binary));
  }
  if (transaction) c.execute("START TRANSACTION");
  try {
    // Locking the range first fails at once (the session never waits for a
    // lock) on an entry whose transaction is still open, before any work.
    const std::uint64_t locked = transaction ? c.query_number(sql::lock_changes(spec_), range) : 0;
    std::vector<db::Param> removed = selected;
    if (sql::any_collation_change(spec_.key_collations)) append(removed, selected);
    c.update(sql::delete_changed_rows(spec_, skip), removed);
    c.update(sql::copy_changed_rows(spec_, skip), selected);
    const std::uint64_t forgotten = c.update(sql::forget_changes(spec_), range);
    if (transaction && forgotten != locked) {
      // An entry committed into the range after the lock: the statements
      // above may have seen it in part. Undo, and take it in the next round.
      c.execute("ROLLBACK");
      return RangeOutcome::kOpenTransaction;
    }
    if (transaction) c.execute("COMMIT");
    return RangeOutcome::kApplied;
  } catch (const db::DbError& e) {
    if (transaction) {
      try {
        c.execute("ROLLBACK");
      } catch (const db::DbError& lost) {
        if (!lost.is_connection_lost()) throw;  // a lost session rolled back by itself
      }
    }
    if (e.is_lock_conflict()) return RangeOutcome::kOpenTransaction;
    if (e.is_transient()) throw;  // apply() runs the batch again
    if (e.server_code() == db::kErrDuplicateKey) {
      duplicate = e;
      return RangeOutcome::kDuplicate;
    }
    throw MisfitChangeError(
        "applying the logged changes to the new table failed: " + e.server_text() +
            " (server error " + std::to_string(e.server_code()) +
            "). A row written by the application does not fit the new schema (a value "
            "out of range, or too long); nothing was swapped",
        e.server_text());
  }
}

}  // namespace oa::phases
