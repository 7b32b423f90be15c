#include "plan/key_choice.h"

#include <algorithm>
#include <tuple>

namespace oa::plan {
namespace {

bool orderable_as_text(const schema::Column& column) {
  const auto& t = column.data_type;
  return t != "float" && t != "double" && t != "real" && t != "bit";
}

// Candidates in preference order: PRIMARY, then unique keys by column count.
std::vector<const schema::Index*> unique_not_null(const schema::TableInfo& table) {
  std::vector<const schema::Index*> out;
  for (const auto& index : table.indexes) {
    if (index.unique && !index.has_prefix_part && table.all_not_null(index)) out.push_back(&index);
  }
  std::stable_sort(out.begin(), out.end(), [](const schema::Index* a, const schema::Index* b) {
    const bool pa = a->name == "PRIMARY", pb = b->name == "PRIMARY";
    if (pa != pb) return pa;
    return a->columns.size() < b->columns.size();
  });
  return out;
}

}  // namespace

std::optional<ChunkKey> choose_chunk_key(const schema::TableInfo& table) {
  for (const schema::Index* index : unique_not_null(table)) {
    ChunkKey key{index->name, {}, {}};
    bool usable = true;
    for (const auto& name : index->columns) {
      const schema::Column* column = table.column(name);
      usable = usable && column != nullptr && orderable_as_text(*column);
      if (!usable) break;
      key.columns.push_back(column->name);
      key.binary.push_back(column->binary);
    }
    if (usable) return key;
  }
  return std::nullopt;
}

std::optional<RowKey> choose_row_key(const schema::TableInfo& shadow, const ColumnMapping& mapping,
                                     const ChunkKey& chunk_key) {
  RowKey key{"", {}, chunk_key.columns, {}};
  for (const auto& source : chunk_key.columns) {
    auto target = mapping.target_of(source);
    if (!target) return std::nullopt;
    key.target_columns.push_back(*target);
  }
  std::vector<std::string> wanted = key.target_columns;
  std::sort(wanted.begin(), wanted.end());
  std::vector<const schema::Index*> candidates;
  for (const auto& index : shadow.indexes) {
    if (index.columns.size() < wanted.size()) continue;
    std::vector<std::string> leading(index.columns.begin(), index.columns.begin() + wanted.size());
    std::sort(leading.begin(), leading.end());
    if (leading == wanted) candidates.push_back(&index);
  }
  if (candidates.empty()) return std::nullopt;
  auto rank = [](const schema::Index* i) {
    return std::make_tuple(i->name != "PRIMARY", !i->unique, i->columns.size());
  };
  key.index = (*std::min_element(candidates.begin(), candidates.end(), [&](auto* a, auto* b) {
                return rank(a) < rank(b);
              }))->name;
  return key;
}

sql::KeyCollations key_collations(const schema::TableInfo& original,
                                  const schema::TableInfo& shadow, const RowKey& key) {
  sql::KeyCollations out;
  bool any = false;
  for (std::size_t i = 0; i < key.source_columns.size(); ++i) {
    const schema::Column* from = original.column(key.source_columns[i]);
    const schema::Column* to = shadow.column(key.target_columns[i]);
    std::optional<sql::KeyCollation> change;
    if (from != nullptr && to != nullptr && !from->collation.empty() && !to->collation.empty() &&
        from->collation != to->collation) {
      change = sql::KeyCollation{from->charset, from->collation, to->charset, to->collation};
      any = true;
    }
    out.push_back(change);
  }
  if (!any) out.clear();
  return out;
}

sql::KeyCollations reversed(const sql::KeyCollations& collations) {
  sql::KeyCollations out;
  for (const auto& c : collations) {
    if (!c) {
      out.emplace_back();
      continue;
    }
    out.push_back(sql::KeyCollation{c->shadow_charset, c->shadow_collation, c->original_charset,
                                    c->original_collation});
  }
  return out;
}

}  // namespace oa::plan
