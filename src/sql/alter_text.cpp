#include "sql/alter_text.h"

#include <cctype>
#include <vector>

#include "sql/alter_tokens.h"

namespace oa::sql {
namespace {

std::string trim(std::string_view text) {
  std::size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  return std::string(text.substr(b, e - b));
}

}  // namespace

AlterText scan_alter_text(std::string_view text) {
  AlterText out;
  const AlterTokens tokens = tokenize_alter(text);
  out.unterminated = tokens.unterminated;
  // Words upper-cased; quoted text as its opening quote, symbols as themselves.
  std::vector<std::string> words;
  for (const AlterToken& t : tokens.tokens) {
    if (t.kind == AlterToken::Kind::kWord) {
      words.push_back(t.upper);
    } else if (t.kind == AlterToken::Kind::kIdentifier) {
      words.emplace_back("`");
    } else {
      words.push_back(t.text.substr(0, 1));
    }
  }
  // One trailing ';' is what people type after a statement; drop it.
  std::string clauses = trim(text);
  if (!words.empty() && words.back() == ";" && !clauses.empty() && clauses.back() == ';') {
    words.pop_back();
    clauses.pop_back();
    clauses = trim(clauses);
  }
  out.clauses = clauses;
  out.empty = words.empty();
  out.starts_with_alter = !words.empty() && words.front() == "ALTER";
  int depth = 0;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string& w = words[k];
    if (w == "(") ++depth;
    if (w == ")") --depth;
    if (w == ";") out.has_separator = true;
    const bool foreign_key = w == "FOREIGN" && k + 1 < words.size() && words[k + 1] == "KEY";
    if (foreign_key || w == "REFERENCES") out.changes_foreign_keys = true;
    if (depth == 0 && w == "RENAME") {
      const std::string next = k + 1 < words.size() ? words[k + 1] : "";
      if (next != "COLUMN" && next != "INDEX" && next != "KEY") out.renames_table = true;
    }
  }
  return out;
}

}  // namespace oa::sql
