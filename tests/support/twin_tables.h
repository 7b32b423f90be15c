// A table and its twin in the same database: the twin gets every change the
// table gets, in the same transaction, and nothing else, so it is the record
// of what the table must hold.
#pragma once

#include <string>

namespace oa::test {

struct TwinTables {
  std::string database;
  std::string table;  // the table online-alter migrates
  std::string twin;   // created with CREATE TABLE ... LIKE, never migrated
};

}  // namespace oa::test
