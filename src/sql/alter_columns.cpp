#include "sql/alter_columns.h"

#include <optional>

#include "sql/alter_tokens.h"

namespace oa::sql {
namespace {

using Tokens = std::vector<AlterToken>;

// Words after ADD and DROP that start something other than a column.
bool names_no_column(const AlterToken& t) {
  for (const char* w : {"INDEX", "KEY", "PRIMARY", "UNIQUE", "FULLTEXT", "SPATIAL", "CONSTRAINT",
                        "FOREIGN", "CHECK", "PARTITION", "PERIOD", "SYSTEM", "VECTOR"}) {
    if (t.is(w)) return true;
  }
  return false;
}

// A column name at tokens[i]: a word, a `quoted` name or (ANSI_QUOTES) a
// "quoted" one.
std::optional<std::string> name_at(const Tokens& t, std::size_t i) {
  if (i >= t.size()) return std::nullopt;
  switch (t[i].kind) {
    case AlterToken::Kind::kWord:
    case AlterToken::Kind::kIdentifier:
      return t[i].text;
    case AlterToken::Kind::kString:
      if (t[i].text.size() >= 2 && t[i].text.front() == '"') {
        return t[i].text.substr(1, t[i].text.size() - 2);
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

// Skips IF EXISTS / IF NOT EXISTS at tokens[i].
void skip_if_exists(const Tokens& t, std::size_t& i) {
  if (i < t.size() && t[i].is("IF")) {
    ++i;
    if (i < t.size() && t[i].is("NOT")) ++i;
    if (i < t.size() && t[i].is("EXISTS")) ++i;
  }
}

// The top-level clauses: the tokens between commas outside parentheses.
std::vector<Tokens> split_clauses(const Tokens& tokens) {
  std::vector<Tokens> clauses(1);
  int depth = 0;
  for (const AlterToken& t : tokens) {
    if (t.is_symbol('(')) ++depth;
    if (t.is_symbol(')')) --depth;
    if (depth == 0 && t.is_symbol(',')) {
      clauses.emplace_back();
      continue;
    }
    clauses.back().push_back(t);
  }
  return clauses;
}

// ADD [COLUMN] (a INT, b INT): the first name of each definition in the list.
void add_column_list(const Tokens& t, std::size_t i, ColumnChanges& out) {
  int depth = 0;
  bool expect_name = true;
  for (++i; i < t.size(); ++i) {
    if (t[i].is_symbol('(')) {
      ++depth;
    } else if (t[i].is_symbol(')')) {
      if (depth-- == 0) return;
    } else if (depth == 0 && t[i].is_symbol(',')) {
      expect_name = true;
    } else if (expect_name && depth == 0) {
      if (auto name = name_at(t, i); name && !names_no_column(t[i])) out.added.push_back(*name);
      expect_name = false;
    }
  }
}

void read_clause(const Tokens& t, ColumnChanges& out) {
  if (t.empty()) return;
  std::size_t i = 1;
  if (t[0].is("CHANGE")) {
    if (i < t.size() && t[i].is("COLUMN")) ++i;
    skip_if_exists(t, i);
    auto from = name_at(t, i), to = name_at(t, i + 1);
    if (from && to) out.renamed.emplace_back(*from, *to);
  } else if (t[0].is("RENAME") && i < t.size() && t[i].is("COLUMN")) {
    ++i;
    skip_if_exists(t, i);
    auto from = name_at(t, i), to = name_at(t, i + 2);
    if (from && to && i + 1 < t.size() && t[i + 1].is("TO")) {
      out.renamed.emplace_back(*from, *to);
    }
  } else if (t[0].is("DROP")) {
    if (i < t.size() && t[i].is("COLUMN")) {
      ++i;
    } else if (i < t.size() && names_no_column(t[i])) {
      return;
    }
    skip_if_exists(t, i);
    if (auto name = name_at(t, i)) out.dropped.push_back(*name);
  } else if (t[0].is("ADD")) {
    if (i < t.size() && t[i].is("COLUMN")) {
      ++i;
    } else if (i < t.size() && names_no_column(t[i])) {
      return;
    }
    skip_if_exists(t, i);
    if (i < t.size() && t[i].is_symbol('(')) {
      add_column_list(t, i, out);
    } else if (auto name = name_at(t, i)) {
      out.added.push_back(*name);
    }
  }
}

}  // namespace

ColumnChanges column_changes(std::string_view clauses) {
  ColumnChanges out;
  const AlterTokens tokens = tokenize_alter(clauses);
  for (const Tokens& clause : split_clauses(tokens.tokens)) read_clause(clause, out);
  return out;
}

}  // namespace oa::sql
