#include "db/retry.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "db/db_error.h"
#include "log.h"

namespace oa::db {
namespace {

// A restarting server refuses connections for a few seconds; the doubling
// waits of 10 retries cover about a minute.
constexpr auto kFirstWait = std::chrono::milliseconds(500);
constexpr auto kMaxWait = std::chrono::milliseconds(8000);

}  // namespace

void with_retries(Connection& connection, const RetryPolicy& policy, const std::string& what,
                  const std::function<void()>& work) {
  auto wait = std::chrono::milliseconds(kFirstWait);
  bool lost = false;
  for (unsigned retry = 0;; ++retry) {
    try {
      if (lost) {
        connection.reconnect();
        lost = false;
        log::info(what + ": connected again");
      }
      work();
      return;
    } catch (const DbError& e) {
      if (!e.is_transient() || retry >= policy.retries) throw;
      lost = lost || e.is_connection_lost();
      log::event(log::Level::kWarning, "retry",
                 what + " failed: " + e.server_text() + " (server error " +
                     std::to_string(e.server_code()) + "); retry " + std::to_string(retry + 1) +
                     " of " + std::to_string(policy.retries) + " in " +
                     log::seconds_text(std::chrono::duration<double>(wait).count()),
                 {{"what", what},
                  {"server_error", std::int64_t{e.server_code()}},
                  {"attempt", std::uint64_t{retry + 1}}});
      std::this_thread::sleep_for(wait);
      wait = std::min(wait * 2, std::chrono::duration_cast<std::chrono::milliseconds>(kMaxWait));
    }
  }
}

}  // namespace oa::db
