#include "support/inventory.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "support/row.h"
#include "support/sql_text.h"
#include "support/text_query.h"

namespace oa::test {
namespace {

// The first column of every row of a query whose parameters are all strings.
std::vector<std::string> query_strings(sql::Connection& connection, const std::string& query,
                                       const std::vector<std::string>& params) {
  std::unique_ptr<sql::PreparedStatement> statement(connection.prepareStatement(query));
  for (unsigned i = 0; i < params.size(); ++i) statement->setString(i + 1, params[i]);
  std::unique_ptr<sql::ResultSet> result(statement->executeQuery());
  std::vector<std::string> values;
  while (result->next()) values.push_back(result->getString(1).asStdString());
  return values;
}

// FNV-1a, 64 bit: small, stable across runs and platforms.
constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

std::uint64_t fnv1a(const std::string& bytes, std::uint64_t hash = kFnvOffset) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= kFnvPrime;
  }
  return hash;
}

// One row as bytes that cannot collide with another row's: each value
// length-prefixed, NULL as a lone marker.
std::string serialize(const Row& row) {
  std::string bytes;
  for (const Value& value : row) {
    bytes += value ? std::to_string(value->size()) + ":" + *value : std::string("N");
    bytes += ';';
  }
  return bytes;
}

}  // namespace

std::string ContentHash::describe() const {
  char digest_text[17];
  std::snprintf(digest_text, sizeof digest_text, "%016llx",
                static_cast<unsigned long long>(digest));
  return std::to_string(rows) + " rows, digest " + digest_text;
}

std::vector<std::string> list_tables(sql::Connection& connection, const std::string& database) {
  std::vector<std::string> names = query_strings(
      connection, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
      {database});
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> list_triggers(sql::Connection& connection, const std::string& database) {
  std::vector<std::string> names = query_strings(
      connection,
      "SELECT CONCAT(EVENT_OBJECT_TABLE, '.', TRIGGER_NAME) FROM information_schema.TRIGGERS "
      "WHERE TRIGGER_SCHEMA = ?",
      {database});
  std::sort(names.begin(), names.end());
  return names;
}

ContentHash content_hash(sql::Connection& connection, const std::string& database,
                         const std::string& table) {
  std::vector<std::string> rows;
  for_each_row(connection, "SELECT * FROM " + qualified_name(database, table),
               [&rows](Row&& row) { rows.push_back(serialize(row)); });
  // Sorted client-side, so the hash needs no key and ignores the physical order.
  std::sort(rows.begin(), rows.end());
  ContentHash hash;
  hash.rows = rows.size();
  hash.digest = kFnvOffset;
  for (const std::string& row : rows) hash.digest = fnv1a(row + "\n", hash.digest);
  return hash;
}

std::optional<std::string> column_type(sql::Connection& connection, const std::string& database,
                                       const std::string& table, const std::string& column) {
  std::vector<std::string> types =
      query_strings(connection,
                    "SELECT COLUMN_TYPE FROM information_schema.COLUMNS "
                    "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND COLUMN_NAME = ?",
                    {database, table, column});
  if (types.empty()) return std::nullopt;
  return types.front();
}

bool index_exists(sql::Connection& connection, const std::string& database,
                  const std::string& table, const std::string& index) {
  return !query_strings(connection,
                        "SELECT INDEX_NAME FROM information_schema.STATISTICS "
                        "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND INDEX_NAME = ?",
                        {database, table, index})
              .empty();
}

std::vector<std::string> index_definitions(sql::Connection& connection, const std::string& database,
                                           const std::string& table) {
  return query_strings(
      connection,
      "SELECT CONCAT_WS(' ', INDEX_NAME, SEQ_IN_INDEX, COLUMN_NAME, "
      "IFNULL(SUB_PART, '-'), IFNULL(COLLATION, '-'), NON_UNIQUE, INDEX_COMMENT) "
      "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? "
      "ORDER BY INDEX_NAME, SEQ_IN_INDEX",
      {database, table});
}

std::optional<std::uint64_t> innodb_table_id(sql::Connection& connection,
                                             const std::string& database,
                                             const std::string& table) {
  std::vector<std::string> ids =
      query_strings(connection,
                    "SELECT CAST(TABLE_ID AS CHAR) FROM information_schema.INNODB_SYS_TABLES "
                    "WHERE NAME = CONCAT(?, '/', ?)",
                    {database, table});
  if (ids.empty()) return std::nullopt;
  return std::stoull(ids.front());
}

}  // namespace oa::test
