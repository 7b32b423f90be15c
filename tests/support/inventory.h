// What a database holds, for asserting that a run left nothing behind and did
// not touch what it must not touch.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sql {
class Connection;
}  // namespace sql

namespace oa::test {

// Names of the tables and views in `database`, sorted. Throws sql::SQLException.
std::vector<std::string> list_tables(sql::Connection& connection, const std::string& database);

// "table.trigger" for every trigger in `database`, sorted. Throws sql::SQLException.
std::vector<std::string> list_triggers(sql::Connection& connection, const std::string& database);

// A fingerprint of a table's content that ignores row order.
struct ContentHash {
  std::uint64_t rows = 0;
  std::uint64_t digest = 0;
  bool operator==(const ContentHash& other) const {
    return rows == other.rows && digest == other.digest;
  }
  bool operator!=(const ContentHash& other) const { return !(*this == other); }
  // "N rows, digest 0123456789abcdef".
  std::string describe() const;
};

// Hashes every column of every row (the server's text form, NULL distinct
// from any string). Throws sql::SQLException.
ContentHash content_hash(sql::Connection& connection, const std::string& database,
                         const std::string& table);

// COLUMN_TYPE of a column (e.g. "varchar(200)"), or nullopt when there is no
// such column. Throws sql::SQLException.
std::optional<std::string> column_type(sql::Connection& connection, const std::string& database,
                                       const std::string& table, const std::string& column);

// Whether `table` has an index named `index`. Throws sql::SQLException.
bool index_exists(sql::Connection& connection, const std::string& database,
                  const std::string& table, const std::string& index);

// Every index of `table` as sorted text lines "name seq column sub_part
// collation non_unique comment", from information_schema.STATISTICS: two
// tables with equal lists have the same indexes. Throws sql::SQLException.
std::vector<std::string> index_definitions(sql::Connection& connection, const std::string& database,
                                           const std::string& table);

// InnoDB's internal id of the table: a rebuilt or swapped-in table gets a new
// one. Only for names of ASCII letters, digits and '_' (InnoDB stores other
// characters encoded). nullopt when InnoDB does not know the table. Throws
// sql::SQLException.
std::optional<std::uint64_t> innodb_table_id(sql::Connection& connection,
                                             const std::string& database, const std::string& table);

}  // namespace oa::test
