#include "preflight/checks.h"
#include "sql/quote.h"

namespace oa::preflight {

CheckResult check_table_exists(schema::TableInspector& inspector, const std::string& database,
                               const std::string& table) {
  if (!inspector.database_exists(database)) {
    return "database " + sql::quote_identifier(database) +
           " does not exist (or this user cannot see it); check --database";
  }
  auto type = inspector.table_type(database, table);
  // A TEMPORARY table is absent from information_schema for every session but
  // its own, so it arrives here looking like a mistyped name.
  if (!type) {
    return "table " + sql::qualified_name(database, table) +
           " does not exist (or this user cannot see it): check --table (names are "
           "case-sensitive). A TEMPORARY table exists only for the session that created it; "
           "alter it there with ALTER TABLE";
  }
  if (*type != "BASE TABLE") {
    return sql::qualified_name(database, table) + " is a " + *type +
           ", not a base table; only tables can be migrated";
  }
  return std::nullopt;
}

}  // namespace oa::preflight
