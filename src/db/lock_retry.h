// Running DDL that needs a metadata lock without letting it queue for long:
// each attempt waits at most lock_wait_timeout, then backs off and tries again.
#pragma once

#include <functional>
#include <string>

#include "db/connection.h"

namespace oa::db {

struct LockRetryPolicy {
  unsigned lock_wait_timeout = 2;  // seconds per attempt
  unsigned attempts = 10;
};

// Sets the session's lock_wait_timeout, then calls `attempt` until it succeeds
// or has failed with a lock wait timeout or deadlock `policy.attempts` times
// (the last DbError is rethrown). Any other error is rethrown at once.
// `what` names the operation in log lines.
void with_lock_retries(Connection& connection, const LockRetryPolicy& policy,
                       const std::string& what, const std::function<void()>& attempt);

}  // namespace oa::db
