#include "sql/alter_text.h"

#include <cctype>
#include <vector>

namespace oa::sql {
namespace {

std::string upper_word(std::string_view text, std::size_t& i) {
  std::string word;
  while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' ||
                             text[i] == '$' || static_cast<unsigned char>(text[i]) >= 0x80)) {
    word += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
    ++i;
  }
  return word;
}

// Skips a quoted token starting at text[i] (the quote); doubled quotes and, for
// strings, backslash escapes stay inside. Returns false if it never closes.
bool skip_quoted(std::string_view text, std::size_t& i) {
  const char quote = text[i++];
  while (i < text.size()) {
    if (quote != '`' && text[i] == '\\') {
      i += 2;
      continue;
    }
    if (text[i] == quote) {
      if (i + 1 < text.size() && text[i + 1] == quote) {
        i += 2;
        continue;
      }
      ++i;
      return true;
    }
    ++i;
  }
  return false;
}

// Top-level words and the ';' separators, comments and quoted text dropped.
struct Tokens {
  std::vector<std::string> words;  // "(" and ")" and ";" appear as words too
  bool unterminated = false;
};

Tokens tokenize(std::string_view text) {
  Tokens out;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '#' ||
               (c == '-' && next == '-' &&
                (i + 2 >= text.size() || std::isspace(static_cast<unsigned char>(text[i + 2]))))) {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '/' && next == '*') {
      const bool executable = i + 2 < text.size() && (text[i + 2] == '!' || text[i + 2] == 'M');
      if (executable) {
        i += 3;
        if (i < text.size() && text[i] == '!') ++i;  // the M! form
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
      } else {
        const auto end = text.find("*/", i + 2);
        if (end == std::string_view::npos) {
          out.unterminated = true;
          return out;
        }
        i = end + 2;
      }
    } else if (c == '*' && next == '/') {
      i += 2;  // the end of an executable comment
    } else if (c == '\'' || c == '"' || c == '`') {
      out.words.push_back(std::string(1, c));
      if (!skip_quoted(text, i)) {
        out.unterminated = true;
        return out;
      }
    } else if (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
               static_cast<unsigned char>(c) >= 0x80) {
      out.words.push_back(upper_word(text, i));
    } else {
      out.words.push_back(std::string(1, c));
      ++i;
    }
  }
  return out;
}

std::string trim(std::string_view text) {
  std::size_t b = 0, e = text.size();
  while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
  return std::string(text.substr(b, e - b));
}

}  // namespace

AlterText scan_alter_text(std::string_view text) {
  AlterText out;
  Tokens tokens = tokenize(text);
  out.unterminated = tokens.unterminated;
  auto& words = tokens.words;
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
    if (depth == 0 && w == "RENAME") {
      const std::string next = k + 1 < words.size() ? words[k + 1] : "";
      if (next != "COLUMN" && next != "INDEX" && next != "KEY") out.renames_table = true;
    }
  }
  return out;
}

}  // namespace oa::sql
