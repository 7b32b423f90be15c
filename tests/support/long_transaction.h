// An application transaction that read a table and stays open: it holds a
// metadata lock on the table until it ends, so every DDL on the table (CREATE
// or DROP TRIGGER, RENAME TABLE, LOCK TABLES ... WRITE) must wait for it.
#pragma once

#include <memory>
#include <string>

#include "support/test_server.h"

namespace sql {
class Connection;
}  // namespace sql

namespace oa::test {

class LongTransaction {
 public:
  // Connects, starts a transaction and reads one row of `database`.`table`.
  // Throws sql::SQLException.
  LongTransaction(const TestServer& server, const std::string& database, const std::string& table);

  // Rolls back if still open; a failure is printed on stderr, never thrown.
  ~LongTransaction();
  LongTransaction(const LongTransaction&) = delete;
  LongTransaction& operator=(const LongTransaction&) = delete;

  // Commits, releasing the lock. Idempotent. Throws sql::SQLException.
  void commit();

  bool open() const { return open_; }

 private:
  std::unique_ptr<sql::Connection> connection_;
  bool open_ = false;
};

}  // namespace oa::test
