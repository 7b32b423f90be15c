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

TEST_CASE("the row key is the chunk key, found through a shadow index that leads with it") {
  schema::TableInfo shadow;
  shadow.columns = {column("id", "int"), column("fresh", "int"), column("k", "int")};
  shadow.indexes = {index("PRIMARY", true, {"fresh"}), index("by_k_id", false, {"k", "id"}),
                    index("by_id_k", false, {"id", "k"}), index("old_id", true, {"id"})};
  plan::ColumnMapping m;
  m.source = {"id", "k"};
  m.target = {"id", "k"};
  m.added = {"fresh"};
  const plan::ChunkKey chunk{"PRIMARY", {"id"}, {false}};
  auto key = plan::choose_row_key(shadow, m, chunk);
  REQUIRE(key);
  CHECK(key->index == "old_id");  // unique beats non-unique
  CHECK(key->source_columns == std::vector<std::string>{"id"});
  CHECK(key->target_columns == std::vector<std::string>{"id"});
  shadow.indexes.pop_back();
  REQUIRE(plan::choose_row_key(shadow, m, chunk));
  CHECK(plan::choose_row_key(shadow, m, chunk)->index == "by_id_k");
  shadow.indexes.pop_back();  // only (k, id) is left: it does not lead with id
  CHECK_FALSE(plan::choose_row_key(shadow, m, chunk).has_value());
}

TEST_CASE("the row key follows a renamed chunk key column, in any index column order") {
  schema::TableInfo shadow;
  shadow.columns = {column("a2", "int"), column("b", "int")};
  shadow.indexes = {index("PRIMARY", true, {"b", "a2"})};
  plan::ColumnMapping m;
  m.source = {"a", "b"};
  m.target = {"a2", "b"};
  auto key = plan::choose_row_key(shadow, m, plan::ChunkKey{"PRIMARY", {"a", "b"}, {false, false}});
  REQUIRE(key);
  CHECK(key->target_columns == std::vector<std::string>{"a2", "b"});
  m.source = {"b"};
  m.target = {"b"};
  CHECK_FALSE(
      plan::choose_row_key(shadow, m, plan::ChunkKey{"PRIMARY", {"a", "b"}, {false, false}}));
}

TEST_CASE("a key column the ALTER collates otherwise is named with both collations") {
  schema::TableInfo original, shadow;
  schema::Column name = column("name", "varchar");
  name.charset = "utf8mb4";
  name.collation = "utf8mb4_general_ci";
  original.columns = {name, column("n", "int")};
  name.collation = "utf8mb4_bin";
  shadow.columns = {name, column("n", "int")};
  const plan::RowKey key{"PRIMARY", {"name", "n"}, {"name", "n"}, {}};
  const sql::KeyCollations changes = plan::key_collations(original, shadow, key);
  REQUIRE(changes.size() == 2);
  REQUIRE(changes[0]);
  CHECK(changes[0]->original_collation == "utf8mb4_general_ci");
  CHECK(changes[0]->shadow_collation == "utf8mb4_bin");
  CHECK_FALSE(changes[1]);
  const sql::KeyCollations back = plan::reversed(changes);
  CHECK(back[0]->original_collation == "utf8mb4_bin");
  CHECK(back[0]->shadow_collation == "utf8mb4_general_ci");
  // The same collation on both sides: nothing to convert.
  CHECK(plan::key_collations(original, original, key).empty());
}
