// A table with a column of every type the server has (every_type_shape.cpp):
// migrated under writes with an ALTER that changes some of the types and a
// character set, it must equal the Writer's record; and a value spoiled in
// the shadow behind the tool's back must be found in every column, whatever
// its type.
#include <cppconn/connection.h>
#include <doctest/doctest.h>

#include <chrono>

#include "expectations.h"
#include "migration_under_writes.h"
#include "suite.h"
#include "support/flag_file.h"
#include "support/inventory.h"
#include "support/scratch_database.h"
#include "support/sql_text.h"
#include "support/table_reader.h"
#include "support/text_query.h"
#include "support/tool_process.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

const char kTable[] = "every";
// Types changed: FLOAT to DOUBLE, YEAR to SMALLINT, LINESTRING to GEOMETRY,
// and a utf8mb4 column moved to utf16.
const char kAlter[] =
    "MODIFY fl DOUBLE NULL, MODIFY yr SMALLINT NULL, MODIFY ls GEOMETRY NULL, "
    "MODIFY cs VARCHAR(60) CHARACTER SET utf16 NULL, ADD COLUMN extra INT NOT NULL DEFAULT 7";

Value charset_of(sql::Connection& c, const std::string& db, const std::string& column) {
  return query_value(c,
                     "SELECT CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE "
                     "TABLE_SCHEMA = " +
                         text_literal(db) + " AND TABLE_NAME = " + text_literal(kTable) +
                         " AND COLUMN_NAME = " + text_literal(column));
}

// One spoiling per column: a value of the shadow's type that differs from any
// the generators make, each in a row of its own (id = 3 * n + 1).
struct Spoil {
  const char* column;
  const char* value;  // SQL
};
const std::vector<Spoil> kSpoils = {
    {"pt", "ST_GeomFromText('POINT(0.25 0.25)')"},
    {"ls", "ST_GeomFromText('POINT(0.25 0.25)')"},
    {"pg", "ST_GeomFromText('POLYGON((0 0,0.25 0,0 0.25,0 0))')"},
    {"mpt", "ST_GeomFromText('MULTIPOINT(0.25 0.25)')"},
    {"mls", "ST_GeomFromText('MULTILINESTRING((0 0,0.25 0.25))')"},
    {"mpg", "ST_GeomFromText('MULTIPOLYGON(((0 0,0.25 0,0 0.25,0 0)))')"},
    {"gc", "ST_GeomFromText('GEOMETRYCOLLECTION(POINT(0.25 0.25))')"},
    {"ge", "ST_GeomFromText('POINT(0.25 0.25)')"},
    {"js", "'{\"spoiled\": 1}'"},
    {"i4", "'0.0.0.1'"},
    {"i6", "'::2'"},
    {"uu", "'ffffffff-ffff-4fff-bfff-fffffffffff1'"},
    {"bt", "IF(bt <=> b'1111111111110', b'1111111111101', b'1111111111110')"},
    {"yr", "1900"},
    {"st", "'x,z'"},
    {"en", "IF(en <=> 'alpha', 'beta', 'alpha')"},
    {"tm", "'838:59:58.999999'"},
    {"dt", "'0999-01-01 00:00:00.000001'"},
    {"ts", "'2037-12-31 00:00:00.000001'"},
    {"fl", "0.123"},
    {"db", "-0.5e-310"},
    {"de", "0.000000000000000000000000000007"},
    {"big", "CONCAT(REPEAT('b', 2500000), 0x00)"},
    {"cs", "CONCAT('spoilt ', _utf8mb4 X'F09F9880')"},
};

}  // namespace

TEST_CASE("a column of every type under writes, some types and a character set changed") {
  ScratchDatabase database(test_server(), "oa_it_every_type");
  const std::string db = database.name();
  const TableSpec spec = every_type_shape();
  MigrationUnderWrites migration(spec, db, kTable);
  migration.prepare(3000);
  const MigrationOutcome outcome =
      migration.run(tool_args(db, kTable, kAlter, kSlowCopy), full_speed());
  expect_migrated(spec, db, kTable, outcome);
  auto c = connect();
  CHECK(column_type(*c, db, kTable, "fl") == std::optional<std::string>("double"));
  CHECK(column_type(*c, db, kTable, "ls") == std::optional<std::string>("geometry"));
  CHECK(charset_of(*c, db, "cs") == Value("utf16"));
  // The SPATIAL index came along.
  CHECK(query_value(*c, "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = " +
                            text_literal(db) + " AND TABLE_NAME = " + text_literal(kTable) +
                            " AND INDEX_TYPE = 'SPATIAL'") == Value("1"));
}

TEST_CASE("a value spoiled in the shadow is found in a column of every type") {
  ScratchDatabase database(test_server(), "oa_it_every_type_spoiled");
  const std::string db = database.name();
  const TableSpec spec = every_type_shape();
  MigrationUnderWrites migration(spec, db, kTable);
  migration.prepare(3000);
  auto c = connect();
  const Record before = load_record(*c, spec, db, kTable);
  FlagFile hold("oa_it_every_type");
  ToolProcess tool(online_alter().binary(), tool_args(db, kTable, kAlter,
                                                      {"--execute", "--chunk-size", "100",
                                                       "--postpone-cutover-file", hold.path()}));
  REQUIRE_MESSAGE(tool.wait_for_err("cut-over postponed", std::chrono::seconds(180)),
                  tool.err_so_far());
  const std::string shadow = qualified_name(db, "every_oa_new");
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < kSpoils.size(); ++i) {
    // Rows 120 apart: each spoiled value in a range (100 rows) of its own.
    const std::string id = std::to_string(3 * (120 * i + 7) + 1);
    execute_sql(*c, "UPDATE " + shadow + " SET " + quote_identifier(kSpoils[i].column) + " = " +
                        kSpoils[i].value + " WHERE id = " + id);
    keys.push_back("(" + id + ")");
  }
  hold.remove();
  const ToolResult result = tool.wait();
  CHECK_MESSAGE(result.exit_code == 0, result.describe());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    CHECK_MESSAGE(result.err.find("different: " + keys[i]) != std::string::npos,
                  "the spoiled " << kSpoils[i].column << " of " << keys[i] << " was not found\n"
                                 << result.describe());
  }
  const std::string spoiled = std::to_string(kSpoils.size());
  CHECK_MESSAGE(result.last_out_line().find(" " + spoiled + " mismatches, " + spoiled +
                                            " repaired") != std::string::npos,
                result.describe());
  // Every value as the original had it.
  CHECK(list_tables(*c, db) == std::vector<std::string>{kTable});
  expect_matches_record(spec, db, kTable, before);
}

}  // namespace oa::test
