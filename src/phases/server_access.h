// The connections a migration uses, opened on demand. Cleanup gets a fresh
// connection of its own, so it still works when the main one was lost.
#pragma once

#include <memory>
#include <string>

#include "db/connection.h"
#include "db/connection_settings.h"
#include "db/lock_retry.h"
#include "db/retry.h"
#include "phases/run_lock.h"

namespace oa::phases {

class ServerAccess {
 public:
  // `strict`: the copy sessions run in strict mode (see set_copy_session).
  ServerAccess(db::ConnectionSettings settings, db::LockRetryPolicy ddl_policy,
               db::RetryPolicy retry_policy = {}, bool strict = true)
      : settings_(std::move(settings)),
        ddl_policy_(ddl_policy),
        retry_policy_(retry_policy),
        strict_(strict) {}

  // The connection for inspection and DDL; opened on first use.
  db::Connection& main();
  // The connection the copy runs on, with its own session settings.
  db::Connection& copy();
  // A new connection for removing what the tool created; replaces an older one.
  db::Connection& cleanup();
  // A new connection with the copy's session settings, owned by the caller
  // (the cut-over's short-lived sessions: closing one releases its locks).
  std::unique_ptr<db::Connection> open_copy_session() const;

  const db::LockRetryPolicy& ddl_policy() const { return ddl_policy_; }
  // For removing what the tool created: the same short waits, more attempts,
  // since giving up leaves objects behind.
  db::LockRetryPolicy cleanup_policy() const;
  const db::ConnectionSettings& settings() const { return settings_; }
  // Takes the lock that keeps every other run off the table (see RunLock).
  void take_run_lock(const std::string& database, const std::string& table);
  // At most once a second, checks the run still holds it; a no-op without one.
  void check_run_lock();

  // How often work interrupted by a lost connection is tried again (--retries).
  const db::RetryPolicy& retry_policy() const { return retry_policy_; }

 private:
  db::ConnectionSettings settings_;
  db::LockRetryPolicy ddl_policy_;
  db::RetryPolicy retry_policy_;
  bool strict_ = true;
  std::unique_ptr<db::Connection> main_;
  std::unique_ptr<db::Connection> copy_;
  std::unique_ptr<db::Connection> cleanup_;
  std::unique_ptr<RunLock> run_lock_;
};

}  // namespace oa::phases
