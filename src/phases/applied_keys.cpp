#include "phases/applied_keys.h"

#include "db/retry.h"
#include "error.h"
#include "log.h"
#include "phases/verification.h"
#include "sql/change_log_sql.h"
#include "sql/quote.h"

namespace oa::phases {
namespace {

// Keys per pair of reads: one IN list per table, served by its key's index.
constexpr std::size_t kKeysPerRead = 500;

const char kWhat[] = "rows the tool wrote after comparing them";

}  // namespace

AppliedKeys::AppliedKeys(const plan::MigrationPlan& plan, db::RetryPolicy retry)
    : plan_(plan), comparer_(original_and_shadow(plan)), retry_(retry) {}

void AppliedKeys::follow(ChangeApplier& applier) {
  applier.record_applied([this](const std::vector<db::Row>& keys) { add(keys); });
}

void AppliedKeys::add(const std::vector<db::Row>& keys) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const db::Row& row : keys) {
    Key key;
    for (const db::Value& v : row) key.push_back(v.value_or(""));
    pending_.insert(std::move(key));
  }
}

std::vector<Key> AppliedKeys::take() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<Key> keys(pending_.begin(), pending_.end());
  pending_.clear();
  return keys;
}

std::size_t AppliedKeys::pending() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return pending_.size();
}

AppliedKeyStats AppliedKeys::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

void AppliedKeys::compare(db::Connection& c, ChangeApplier& applier, bool locked) {
  for (std::vector<Key> keys = take(); !keys.empty(); keys = take()) {
    std::vector<Key> differing;
    for (std::size_t from = 0; from < keys.size(); from += kKeysPerRead) {
      const std::vector<Key> batch(
          keys.begin() + static_cast<std::ptrdiff_t>(from),
          keys.begin() + static_cast<std::ptrdiff_t>(std::min(keys.size(), from + kKeysPerRead)));
      KeyComparison k;
      if (locked) {
        k = comparer_.compare_keys(c, batch, false);
      } else {
        db::with_retries(c, retry_, "comparing rows again",
                         [&] { k = comparer_.compare_keys(c, batch, true); });
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        stats_.compared += batch.size();
        if (locked) stats_.under_lock += batch.size();
      }
      if (k.result.equal()) continue;
      log::warning("verification: the tables differ in " +
                   describe_difference(k.result, kWhat, "the original", "the new table") +
                   ". Copying those rows again");
      differing.insert(differing.end(), k.differing.begin(), k.differing.end());
    }
    if (differing.empty()) return;
    copy_again(c, applier, differing, locked);
  }
}

void AppliedKeys::copy_again(db::Connection& c, ChangeApplier& applier,
                             const std::vector<Key>& keys, bool locked) {
  std::vector<db::Param> params;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const Key& key : keys) {
      if (!copied_again_.insert(key).second) {
        throw Error(ExitCode::kVerificationFailed,
                    "verification failed: after copying it again, the new table still differs "
                    "from " +
                        sql::qualified_name(plan_.database, plan_.table) + " in the row with " +
                        sql::quoted_list(plan_.chunk_key.columns) + " = " +
                        describe_key(db::Row(key.begin(), key.end()), key.size()) +
                        ". Nothing was swapped. The ALTER may change values in a way the "
                        "comparison does not expect; compare that row");
      }
      for (std::size_t i = 0; i < key.size(); ++i) {
        const auto& binary = plan_.chunk_key.binary;
        params.push_back(db::Param{key[i], i < binary.size() && binary[i]});
      }
    }
    stats_.repaired += keys.size();
  }
  const std::string log_again = sql::log_keys(applier.spec(), keys.size());
  if (locked) {
    c.update(log_again, params);
    applier.apply_under_table_locks(c);
  } else {
    // Logged twice after a lost connection is harmless: a key is applied once.
    db::with_retries(c, retry_, "logging rows to copy again", [&] { c.update(log_again, params); });
    applier.apply(c);
  }
}

}  // namespace oa::phases
