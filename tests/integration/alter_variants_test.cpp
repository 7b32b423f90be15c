// ALTERs beyond adding things: dropping a column, replacing the primary key,
// and a unique key the existing rows violate.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <algorithm>

#include "expectations.h"
#include "migration_under_writes.h"
#include "suite.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/table_fill.h"
#include "support/text_query.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

// Columns of index `index` in order, comma-separated.
Value index_columns(const std::string& database, const std::string& table,
                    const std::string& index) {
  auto connection = connect();
  return query_value(*connection,
                     "SELECT GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) "
                     "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = " +
                         text_literal(database) + " AND TABLE_NAME = " + text_literal(table) +
                         " AND INDEX_NAME = " + text_literal(index));
}

}  // namespace

TEST_CASE("DROP COLUMN while the writer writes the other columns") {
  ScratchDatabase database(test_server(), "oa_it_dropcol");
  const std::string table = "accounts";
  // The application stopped writing `pad` before its removal; the table still
  // has it (NULL) until the swap.
  TableSpec spec = integer_key_shape();
  spec.columns.erase(std::remove_if(spec.columns.begin(), spec.columns.end(),
                                    [](const ColumnSpec& c) { return c.name == "pad"; }),
                     spec.columns.end());
  expect_migrates_under_writes(spec, database.name(), table, 10000, "DROP COLUMN pad");

  auto connection = connect();
  CHECK_FALSE(column_type(*connection, database.name(), table, "pad").has_value());
}

TEST_CASE("a new primary key (id, k) whose k the writer keeps changing") {
  // An UPDATE of k moves a row to another key of the new table: the triggers
  // must find it by the shadow's key, not the original's.
  ScratchDatabase database(test_server(), "oa_it_newpk");
  const std::string table = "accounts";
  const TableSpec spec = integer_key_shape();
  expect_migrates_under_writes(spec, database.name(), table, 10000,
                               "DROP PRIMARY KEY, ADD PRIMARY KEY (id, k)");
  CHECK(index_columns(database.name(), table, "PRIMARY") == Value("id,k"));
}

TEST_CASE("ADD UNIQUE KEY over duplicate values fails and loses no row") {
  // k takes 1000 values in 3000 rows. A copy that skips rows on a duplicate
  // key (INSERT IGNORE, ON DUPLICATE KEY UPDATE) would silently drop rows.
  ScratchDatabase database(test_server(), "oa_it_dupkey");
  const std::string table = "accounts";
  {
    auto connection = connect();
    create_table(*connection, integer_key_shape(), database.name(), table);
    fill_table(*connection, integer_key_shape(), database.name(), table, 3000);
  }
  const DatabaseSnapshot before = snapshot_database(database.name());
  const ToolResult result =
      online_alter().run(tool_args(database.name(), table, "ADD UNIQUE KEY uk (k)", kSlowCopy));
  CHECK_MESSAGE((result.exit_code == 4 || result.exit_code == 5),
                "expected a refusal (4) or a failed migration (5), got " << result.describe());
  // The message names the key the rows collide under.
  CHECK_MESSAGE(result.err.find("'uk'") != std::string::npos, result.describe());
  expect_unchanged(database.name(), before);
}

}  // namespace oa::test
