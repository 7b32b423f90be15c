#include "support/long_transaction.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>

#include <iostream>

#include "support/sql_text.h"
#include "support/text_query.h"

namespace oa::test {

LongTransaction::LongTransaction(const TestServer& server, const std::string& database,
                                 const std::string& table)
    : connection_(server.connect()) {
  execute_sql(*connection_, "START TRANSACTION");
  open_ = true;
  // Any read opens the table in the transaction; its metadata lock is kept to the end.
  query_rows(*connection_, "SELECT * FROM " + qualified_name(database, table) + " LIMIT 1");
}

LongTransaction::~LongTransaction() {
  if (!open_) return;
  try {
    execute_sql(*connection_, "ROLLBACK");
  } catch (const sql::SQLException& e) {
    std::cerr << "LongTransaction: ROLLBACK failed: " << e.what() << "\n";
  }
}

void LongTransaction::commit() {
  if (!open_) return;
  execute_sql(*connection_, "COMMIT");
  open_ = false;
}

}  // namespace oa::test
