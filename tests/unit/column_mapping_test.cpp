#include "plan/column_mapping.h"

#include <doctest/doctest.h>

using namespace oa;

namespace {

schema::Column column(const std::string& name, bool generated = false) {
  schema::Column c;
  c.name = name;
  c.data_type = "int";
  c.generated = generated;
  return c;
}

}  // namespace

TEST_CASE("columns map by name; added, dropped and generated columns are set apart") {
  schema::TableInfo original, shadow;
  original.columns = {column("id"), column("a"), column("gone"), column("G")};
  shadow.columns = {column("id"), column("A"), column("g", true), column("fresh")};
  const plan::ColumnMapping m = plan::map_columns(original, shadow);
  CHECK(m.source == std::vector<std::string>{"id", "a"});
  CHECK(m.target == std::vector<std::string>{"id", "A"});
  // G feeds nothing: g is computed by the server.
  CHECK(m.dropped == std::vector<std::string>{"gone", "G"});
  CHECK(m.added == std::vector<std::string>{"g", "fresh"});
  CHECK(m.target_of("A") == "A");
  CHECK(m.source_of("ID") == "id");
  CHECK_FALSE(m.source_of("fresh").has_value());
}

namespace {

plan::ColumnMapping map_after(const std::vector<std::string>& original_columns,
                              const std::vector<std::string>& shadow_columns,
                              const std::string& alter) {
  schema::TableInfo original, shadow;
  for (const auto& c : original_columns) original.columns.push_back(column(c));
  for (const auto& c : shadow_columns) shadow.columns.push_back(column(c));
  return plan::map_columns(original, shadow, sql::column_changes(alter));
}

}  // namespace

TEST_CASE("a renamed column carries its data") {
  auto m = map_after({"id", "a", "b"}, {"id", "x", "b"}, "CHANGE a x BIGINT NOT NULL");
  CHECK(m.source == std::vector<std::string>{"id", "a", "b"});
  CHECK(m.target == std::vector<std::string>{"id", "x", "b"});
  CHECK(m.added.empty());
  CHECK(m.dropped.empty());
  m = map_after({"id", "a"}, {"id", "x"}, "RENAME COLUMN `A` TO `x`");
  CHECK(m.source_of("x") == "a");
}

TEST_CASE("a drop followed by an add of the same name is not a rename") {
  const auto m = map_after({"id", "a"}, {"id", "a"}, "DROP COLUMN a, ADD COLUMN a INT");
  CHECK(m.source == std::vector<std::string>{"id"});
  CHECK(m.added == std::vector<std::string>{"a"});
  CHECK(m.dropped == std::vector<std::string>{"a"});
}

TEST_CASE("renames apply together: two columns can swap names") {
  const auto m =
      map_after({"id", "a", "b"}, {"id", "b", "a"}, "RENAME COLUMN a TO b, RENAME COLUMN b TO a");
  CHECK(m.source_of("b") == "a");
  CHECK(m.source_of("a") == "b");
}

TEST_CASE("a renamed-away name taken by a new column starts empty") {
  const auto m = map_after({"id", "a"}, {"id", "b", "a"}, "CHANGE a b INT, ADD a INT");
  CHECK(m.source_of("b") == "a");
  CHECK_FALSE(m.source_of("a").has_value());
  CHECK(m.added == std::vector<std::string>{"a"});
}

TEST_CASE("CHANGE to the same name is not a rename") {
  const auto m = map_after({"id", "a"}, {"id", "a"}, "CHANGE a A BIGINT");
  CHECK(m.source_of("a") == "a");
  CHECK(m.added.empty());
}
