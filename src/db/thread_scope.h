// The client library's per-thread state, for a thread other than main() that
// runs statements.
#pragma once

namespace oa::db {

// Initialises the client library for the calling thread; ends it on
// destruction. Create one at the top of every extra thread that uses a
// Connection, before the first statement.
class ThreadScope {
 public:
  ThreadScope();
  ~ThreadScope();
  ThreadScope(const ThreadScope&) = delete;
  ThreadScope& operator=(const ThreadScope&) = delete;
};

}  // namespace oa::db
