#include "plan/key_choice.h"

#include <doctest/doctest.h>

using namespace oa;

namespace {

schema::Column column(const std::string& name, const std::string& type, bool nullable = false) {
  schema::Column c;
  c.name = name;
  c.data_type = type;
  c.nullable = nullable;
  c.binary = type == "varbinary";
  return c;
}

schema::Index index(const std::string& name, bool unique, std::vector<std::string> columns) {
  schema::Index i;
  i.name = name;
  i.unique = unique;
  i.columns = std::move(columns);
  return i;
}

}  // namespace

TEST_CASE("the primary key is the chunk key when there is one") {
  schema::TableInfo t;
  t.columns = {column("id", "int"), column("u", "int")};
  t.indexes = {index("u", true, {"u"}), index("PRIMARY", true, {"id"})};
  auto key = plan::choose_chunk_key(t);
  REQUIRE(key);
  CHECK(key->index == "PRIMARY");
  CHECK(key->columns == std::vector<std::string>{"id"});
}

TEST_CASE("without a primary key, the narrowest NOT NULL unique key") {
  schema::TableInfo t;
  t.columns = {column("a", "int"), column("b", "varbinary"), column("n", "int", true),
               column("f", "double")};
  t.indexes = {index("nullable", true, {"n"}), index("wide", true, {"a", "b"}),
               index("plain", false, {"a"}), index("floaty", true, {"f"}),
               index("narrow", true, {"b"})};
  auto key = plan::choose_chunk_key(t);
  REQUIRE(key);
  CHECK(key->index == "narrow");
  CHECK(key->binary == std::vector<bool>{true});
}

TEST_CASE("no usable key: nullable, prefix, float or non-unique only") {
  schema::TableInfo t;
  t.columns = {column("n", "int", true), column("f", "float"), column("s", "varchar")};
  schema::Index prefix = index("p", true, {"s"});
  prefix.has_prefix_part = true;
  t.indexes = {index("n", true, {"n"}), index("f", true, {"f"}), prefix, index("k", false, {"s"})};
  CHECK_FALSE(plan::choose_chunk_key(t).has_value());
}

TEST_CASE("the row key must be made of copied columns") {
  schema::TableInfo shadow;
  shadow.columns = {column("id", "int"), column("fresh", "int")};
  shadow.indexes = {index("PRIMARY", true, {"fresh"}), index("old_id", true, {"id"})};
  plan::ColumnMapping m;
  m.source = {"id"};
  m.target = {"id"};
  m.added = {"fresh"};
  auto key = plan::choose_row_key(shadow, m);
  REQUIRE(key);
  CHECK(key->index == "old_id");
  shadow.indexes.pop_back();
  CHECK_FALSE(plan::choose_row_key(shadow, m).has_value());
}
