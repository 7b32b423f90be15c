// Reads rows of a table described by a TableSpec, every value in the server's
// text form (text protocol; see text_query.h for why).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "support/record.h"
#include "support/table_spec.h"

namespace sql {
class Connection;
}  // namespace sql

namespace oa::test {

class TableReader {
 public:
  // Reads `database`.`table`, which must have all of spec's columns (it may
  // have more; they are not read). `spec` must outlive the reader.
  TableReader(const TableSpec& spec, const std::string& database, const std::string& table);

  // The row whose key equals `key_values`, or nullopt. Inside a transaction it
  // sees that transaction's own changes. Throws sql::SQLException.
  std::optional<Row> read_row(sql::Connection& connection,
                              const std::vector<std::string>& key_values) const;

  // Every row of the table. Throws sql::SQLException, and std::runtime_error when
  // two rows have the same record key.
  Record read_all(sql::Connection& connection) const;

  // Calls `visit` with every row of the table in turn, without collecting them.
  // Throws sql::SQLException.
  void for_each(sql::Connection& connection, const std::function<void(Row&&)>& visit) const;

 private:
  const TableSpec& spec_;
  std::string select_;  // SELECT <columns> FROM <table>
};

// The record of a table's current content (e.g. after the initial fill, before
// any Writer starts).
Record load_record(sql::Connection& connection, const TableSpec& spec, const std::string& database,
                   const std::string& table);

}  // namespace oa::test
