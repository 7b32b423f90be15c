#include "sql/alter_tokens.h"

#include <cctype>

namespace oa::sql {
namespace {

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Reads a quoted token starting at text[i] (the quote); doubled quotes and,
// for strings, backslash escapes stay inside. False if it never closes.
bool read_quoted(std::string_view text, std::size_t& i, AlterToken& token) {
  const std::size_t start = i;
  const char quote = text[i++];
  std::string inner;
  while (i < text.size()) {
    if (quote != '`' && text[i] == '\\' && i + 1 < text.size()) {
      inner += text.substr(i, 2);
      i += 2;
      continue;
    }
    if (text[i] == quote) {
      if (i + 1 < text.size() && text[i + 1] == quote) {
        inner += quote;
        i += 2;
        continue;
      }
      ++i;
      if (quote == '`') {
        token.kind = AlterToken::Kind::kIdentifier;
        token.text = inner;
      } else {
        token.kind = AlterToken::Kind::kString;
        token.text = std::string(text.substr(start, i - start));
      }
      return true;
    }
    inner += text[i++];
  }
  return false;
}

}  // namespace

AlterTokens tokenize_alter(std::string_view text) {
  AlterTokens out;
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
      AlterToken token;
      if (!read_quoted(text, i, token)) {
        out.unterminated = true;
        return out;
      }
      out.tokens.push_back(std::move(token));
    } else if (is_word_char(c)) {
      AlterToken token;
      token.kind = AlterToken::Kind::kWord;
      while (i < text.size() && is_word_char(text[i])) {
        token.text += text[i];
        token.upper += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
        ++i;
      }
      out.tokens.push_back(std::move(token));
    } else {
      AlterToken token;
      token.text = std::string(1, c);
      out.tokens.push_back(std::move(token));
      ++i;
    }
  }
  return out;
}

}  // namespace oa::sql
