#include "sql/verify_sql.h"

#include <doctest/doctest.h>

using oa::sql::ColumnType;
using oa::sql::compare_as;
using oa::sql::ComparedColumn;

namespace {

ColumnType col(const char* name, const char* data_type, const char* column_type) {
  return ColumnType{name, data_type, column_type};
}

}  // namespace

TEST_CASE("an unchanged string is read as it is on both sides, under its own name") {
  const ComparedColumn c =
      compare_as(col("c", "varchar", "varchar(10)"), col("c", "varchar", "VARCHAR(10)"));
  CHECK(c.source == "`c`");
  CHECK(c.target == "`c`");
  const ComparedColumn renamed = compare_as(col("a", "blob", "blob"), col("b", "blob", "blob"));
  CHECK(renamed.source == "`a`");
  CHECK(renamed.target == "`b`");
}

TEST_CASE("an unchanged number or date is read as the server's text, FLOAT as DOUBLE") {
  const ComparedColumn renamed = compare_as(col("a", "int", "int(11)"), col("b", "int", "int(11)"));
  CHECK(renamed.source == "CAST(`a` AS CHAR)");
  CHECK(renamed.target == "CAST(`b` AS CHAR)");
  CHECK(compare_as(col("d", "double", "double"), col("d", "double", "double")).source ==
        "CAST(`d` AS CHAR)");
  CHECK(compare_as(col("f", "float", "float"), col("f", "float", "float")).source ==
        "CAST(CAST(`f` AS DOUBLE) AS CHAR)");
  CHECK(
      compare_as(col("t", "datetime", "datetime(6)"), col("t", "datetime", "datetime(6)")).target ==
      "CAST(`t` AS CHAR)");
  CHECK(compare_as(col("b", "bit", "bit(3)"), col("b", "bit", "bit(3)")).source ==
        "CAST(`b` + 0 AS CHAR)");
}

TEST_CASE("numbers of different types compare by value") {
  const ComparedColumn widened =
      compare_as(col("n", "int", "int(11)"), col("n", "bigint", "bigint(20)"));
  CHECK(widened.source == "CAST(CAST(`n` AS DECIMAL(65,30)) AS CHAR)");
  CHECK(widened.target == "CAST(CAST(`n` AS DECIMAL(65,30)) AS CHAR)");
  const ComparedColumn scaled =
      compare_as(col("d", "decimal", "decimal(10,2)"), col("d", "decimal", "decimal(12,4)"));
  CHECK(scaled.source == "CAST(CAST(`d` AS DECIMAL(65,30)) AS CHAR)");
  const ComparedColumn floating =
      compare_as(col("f", "float", "float"), col("f", "double", "double"));
  CHECK(floating.source == "CAST(CAST(`f` AS DOUBLE) AS CHAR)");
  CHECK(floating.target == "CAST(CAST(`f` AS DOUBLE) AS CHAR)");
}

TEST_CASE("dates and times of different types compare at microsecond precision") {
  CHECK(compare_as(col("t", "datetime", "datetime"), col("t", "datetime", "datetime(6)")).source ==
        "CAST(CAST(`t` AS DATETIME(6)) AS CHAR)");
  CHECK(compare_as(col("t", "date", "date"), col("t", "timestamp", "timestamp")).target ==
        "CAST(CAST(`t` AS DATETIME(6)) AS CHAR)");
  CHECK(compare_as(col("t", "time", "time"), col("t", "time", "time(3)")).source ==
        "CAST(CAST(`t` AS TIME(6)) AS CHAR)");
}

TEST_CASE("a wider BINARY compares without its zero padding; other changes compare as text") {
  CHECK(compare_as(col("b", "binary", "binary(4)"), col("b", "binary", "binary(8)")).source ==
        "TRIM(TRAILING 0x00 FROM `b`)");
  CHECK(compare_as(col("b", "varbinary", "varbinary(4)"), col("b", "binary", "binary(8)")).target ==
        "TRIM(TRAILING 0x00 FROM `b`)");
  // VARBINARY keeps trailing zero bytes: a longer one still compares byte by byte.
  CHECK(compare_as(col("b", "varbinary", "varbinary(4)"), col("b", "varbinary", "varbinary(8)"))
            .source == "`b`");
  CHECK(compare_as(col("e", "enum", "enum('a','b')"), col("e", "varchar", "varchar(5)")).source ==
        "CAST(`e` AS CHAR CHARACTER SET utf8mb4)");
}

TEST_CASE("verification reads a key range along the chosen index") {
  const oa::sql::VerifiedSide side{
      "t_new", "PRIMARY", {"a", "b"}, {"`a`", "`b`", "CAST(`c` AS DOUBLE)"}, {}};
  CHECK(oa::sql::rows_in_range("d", side, true, true) ==
        "SELECT `a`, `b`, 0, `a`, `b`, CAST(`c` AS DOUBLE) FROM `d`.`t_new` FORCE INDEX "
        "(`PRIMARY`) WHERE ((`a` > ?) OR (`a` = ? AND `b` > ?)) AND ((`a` < ?) OR (`a` = ? AND "
        "`b` <= ?))");
  CHECK(oa::sql::rows_in_range("d", side, false, false) ==
        "SELECT `a`, `b`, 0, `a`, `b`, CAST(`c` AS DOUBLE) FROM `d`.`t_new` FORCE INDEX "
        "(`PRIMARY`)");
  CHECK(oa::sql::rows_in_range("d", side, true, false) ==
        "SELECT `a`, `b`, 0, `a`, `b`, CAST(`c` AS DOUBLE) FROM `d`.`t_new` FORCE INDEX "
        "(`PRIMARY`) WHERE ((`a` > ?) OR (`a` = ? AND `b` > ?))");
  CHECK(oa::sql::delete_rows_in_range("d", "t_new", {"`a`"}, true, false) ==
        "DELETE FROM `d`.`t_new` WHERE ((`a` > ?))");
}

TEST_CASE("the server flags the rows whose key is logged, as the original compares keys") {
  const oa::sql::LoggedKeys logged{"t_chg", {"name", "n"}};
  oa::sql::VerifiedSide side{"t_new", "PRIMARY", {"name", "n"}, {"`v`"}, {}};
  CHECK(oa::sql::rows_in_range("d", side, false, true, &logged) ==
        "SELECT `name`, `n`, (`name`, `n`) IN (SELECT `name`, `n` FROM `d`.`t_chg` WHERE "
        "((`name` < ?) OR (`name` = ? AND `n` <= ?))), `v` FROM `d`.`t_new` FORCE INDEX "
        "(`PRIMARY`) WHERE ((`name` < ?) OR (`name` = ? AND `n` <= ?))");
  // A shadow whose key collation changed is read in the original's collation.
  side.key_forms = {"CONVERT(`name` USING `utf8mb4`) COLLATE `utf8mb4_general_ci`", "`n`"};
  CHECK(oa::sql::rows_in_range("d", side, true, false, &logged) ==
        "SELECT `name`, `n`, (CONVERT(`name` USING `utf8mb4`) COLLATE `utf8mb4_general_ci`, `n`) "
        "IN (SELECT `name`, `n` FROM `d`.`t_chg` WHERE ((`name` > ?) OR (`name` = ? AND `n` > "
        "?))), `v` FROM `d`.`t_new` FORCE INDEX (`PRIMARY`) WHERE ((CONVERT(`name` USING "
        "`utf8mb4`) COLLATE `utf8mb4_general_ci` > ?) OR (CONVERT(`name` USING `utf8mb4`) COLLATE "
        "`utf8mb4_general_ci` = ? AND `n` > ?))");
}

TEST_CASE("a geometry compares as its stored SRID and WKB bytes, whatever its kind") {
  CHECK(compare_as(col("p", "point", "point"), col("p", "point", "point")).source ==
        "CAST(`p` AS BINARY)");
  CHECK(compare_as(col("p", "point", "point"), col("p", "geometry", "geometry")).target ==
        "CAST(`p` AS BINARY)");
  CHECK(compare_as(col("g", "geometrycollection", "geometrycollection"),
                   col("g", "geometrycollection", "geometrycollection"))
            .source == "CAST(`g` AS BINARY)");
}
