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
  CHECK(m.dropped == std::vector<std::string>{"gone"});
  CHECK(m.added == std::vector<std::string>{"g", "fresh"});
  CHECK(m.target_of("A") == "A");
  CHECK(m.source_of("ID") == "id");
  CHECK_FALSE(m.source_of("fresh").has_value());
}
