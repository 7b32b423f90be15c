// Riding out a lost connection, a server restart or a statement an operator
// killed: wait, reconnect, and run the same work again, a bounded number of
// times.
#pragma once

#include <functional>
#include <string>

#include "db/connection.h"

namespace oa::db {

struct RetryPolicy {
  unsigned retries = 10;  // --retries; 0 turns retrying off
};

// Runs `work`; when it fails with DbError::is_transient(), waits (0.5 s,
// doubling up to 8 s), opens a new session when the old one is gone, and
// runs it again, at most policy.retries times; then rethrows. `work` must be
// safe to run twice: idempotent, or one transaction that finds out whether
// an earlier attempt committed. `what` names the work in log lines.
void with_retries(Connection& connection, const RetryPolicy& policy, const std::string& what,
                  const std::function<void()>& work);

}  // namespace oa::db
