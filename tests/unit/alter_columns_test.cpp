#include "sql/alter_columns.h"

#include <doctest/doctest.h>

using namespace oa::sql;
using Renames = std::vector<std::pair<std::string, std::string>>;
using Names = std::vector<std::string>;

TEST_CASE("CHANGE and RENAME COLUMN are renames, in every spelling") {
  CHECK(column_changes("CHANGE a b INT").renamed == Renames{{"a", "b"}});
  CHECK(column_changes("change column `a b` `c``d` varchar(10)").renamed ==
        Renames{{"a b", "c`d"}});
  CHECK(column_changes("CHANGE COLUMN IF EXISTS a b INT").renamed == Renames{{"a", "b"}});
  CHECK(column_changes("RENAME COLUMN a TO b, rename column c to d").renamed ==
        Renames{{"a", "b"}, {"c", "d"}});
  // ANSI_QUOTES: a double-quoted name.
  CHECK(column_changes("RENAME COLUMN \"a\" TO \"b\"").renamed == Renames{{"a", "b"}});
  CHECK(column_changes("/*!50000 CHANGE a b INT */").renamed == Renames{{"a", "b"}});
}

TEST_CASE("ADD and DROP name columns, not indexes or keys") {
  const ColumnChanges c = column_changes(
      "ADD COLUMN x INT DEFAULT 1, ADD y DECIMAL(10,2), ADD INDEX i (x), ADD UNIQUE KEY u (y), "
      "DROP COLUMN p, DROP q, DROP INDEX i2, DROP PRIMARY KEY, DROP FOREIGN KEY f, "
      "ADD CONSTRAINT c CHECK (x > 0), ADD COLUMN IF NOT EXISTS z INT");
  CHECK(c.added == Names{"x", "y", "z"});
  CHECK(c.dropped == Names{"p", "q"});
  CHECK(c.renamed.empty());
}

TEST_CASE("ADD with a list of columns") {
  CHECK(column_changes("ADD COLUMN (a INT, b VARCHAR(5) DEFAULT 'x,y', c ENUM('p','q'))").added ==
        Names{"a", "b", "c"});
}

TEST_CASE("text in strings and comments names nothing") {
  const ColumnChanges c =
      column_changes("ADD a INT COMMENT 'CHANGE b c INT, DROP d' /* DROP e */, MODIFY f INT");
  CHECK(c.added == Names{"a"});
  CHECK(c.dropped.empty());
  CHECK(c.renamed.empty());
}
