#include "sql/alter_text.h"

#include <doctest/doctest.h>

using oa::sql::scan_alter_text;

TEST_CASE("ordinary clauses pass") {
  auto a = scan_alter_text("  ADD COLUMN c INT, ADD INDEX (c)  ");
  CHECK(a.clauses == "ADD COLUMN c INT, ADD INDEX (c)");
  CHECK_FALSE(a.renames_table);
  CHECK_FALSE(a.has_separator);
  CHECK_FALSE(a.starts_with_alter);
  CHECK_FALSE(a.empty);
}

TEST_CASE("table renames are found, column and index renames are not") {
  CHECK(scan_alter_text("RENAME TO t2").renames_table);
  CHECK(scan_alter_text("ADD c INT, rename as t2").renames_table);
  CHECK(scan_alter_text("RENAME t2").renames_table);
  CHECK(scan_alter_text("/*!50000 RENAME TO t2 */").renames_table);
  CHECK_FALSE(scan_alter_text("RENAME COLUMN a TO b").renames_table);
  CHECK_FALSE(scan_alter_text("RENAME INDEX a TO b, RENAME KEY c TO d").renames_table);
  CHECK_FALSE(scan_alter_text("ADD c VARCHAR(10) DEFAULT 'RENAME TO x'").renames_table);
  CHECK_FALSE(scan_alter_text("ADD `RENAME` INT").renames_table);
  CHECK_FALSE(scan_alter_text("ADD c INT -- RENAME TO x\n").renames_table);
  CHECK_FALSE(scan_alter_text("ADD c INT /* RENAME TO x */").renames_table);
}

TEST_CASE("separators, a trailing semicolon and whole statements") {
  auto trailing = scan_alter_text("ADD c INT;");
  CHECK(trailing.clauses == "ADD c INT");
  CHECK_FALSE(trailing.has_separator);
  CHECK(scan_alter_text("ADD c INT; DROP TABLE t").has_separator);
  CHECK_FALSE(scan_alter_text("ADD c VARCHAR(5) DEFAULT ';'").has_separator);
  CHECK(scan_alter_text("ALTER TABLE t ADD c INT").starts_with_alter);
}

TEST_CASE("empty and unterminated input") {
  CHECK(scan_alter_text("   ").empty);
  CHECK(scan_alter_text("/* nothing */").empty);
  CHECK(scan_alter_text("ADD c VARCHAR(5) DEFAULT 'x").unterminated);
  CHECK(scan_alter_text("ADD `c INT").unterminated);
  CHECK(scan_alter_text("ADD c INT /* open").unterminated);
  CHECK_FALSE(scan_alter_text("ADD c VARCHAR(5) DEFAULT 'it''s'").unterminated);
  CHECK_FALSE(scan_alter_text("ADD c VARCHAR(5) DEFAULT 'a\\'b'").unterminated);
}

TEST_CASE("foreign key clauses are found, in any case, but not in quoted names") {
  CHECK(scan_alter_text("ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES p (id)").changes_foreign_keys);
  CHECK(scan_alter_text("drop foreign key f").changes_foreign_keys);
  CHECK(scan_alter_text("ADD COLUMN p_id INT REFERENCES p (id)").changes_foreign_keys);
  CHECK_FALSE(scan_alter_text("ADD COLUMN `foreign key` INT").changes_foreign_keys);
  CHECK_FALSE(scan_alter_text("ADD COLUMN c INT COMMENT 'a foreign key'").changes_foreign_keys);
  CHECK_FALSE(scan_alter_text("ADD INDEX foreign_idx (a)").changes_foreign_keys);
}
