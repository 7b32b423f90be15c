#include "db/lock_retry.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "db/db_error.h"
#include "log.h"
#include "sql/ddl.h"

namespace oa::db {
namespace {

// Backoff between attempts: long enough for the blocking transaction to end,
// short enough that a cut-over is not postponed needlessly.
constexpr auto kFirstBackoff = std::chrono::milliseconds(200);
constexpr auto kMaxBackoff = std::chrono::milliseconds(3000);

}  // namespace

void with_lock_retries(Connection& connection, const LockRetryPolicy& policy,
                       const std::string& what, const std::function<void()>& attempt) {
  connection.set_session(sql::set_lock_wait_timeout(policy.lock_wait_timeout));
  auto backoff = std::chrono::milliseconds(kFirstBackoff);
  for (unsigned n = 1;; ++n) {
    try {
      attempt();
      return;
    } catch (const DbError& e) {
      if (!e.is_lock_conflict() || n >= policy.attempts) throw;
      log::warning(what + ": attempt " + std::to_string(n) + " of " +
                   std::to_string(policy.attempts) + " could not get its locks within " +
                   std::to_string(policy.lock_wait_timeout) + " s (" + e.server_text() +
                   "); retrying");
      std::this_thread::sleep_for(backoff);
      backoff =
          std::min(backoff * 2, std::chrono::duration_cast<std::chrono::milliseconds>(kMaxBackoff));
    }
  }
}

}  // namespace oa::db
