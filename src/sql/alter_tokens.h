// The tokens of an --alter text, read the way the server reads it:
// comments dropped (version comments /*! ... */ read as code), quoted text
// kept whole. Enough to find clauses and the names in them without parsing
// SQL in full.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oa::sql {

struct AlterToken {
  enum class Kind {
    kWord,        // a keyword or an unquoted name; `upper` holds it upper-cased
    kIdentifier,  // `quoted`: `text` is the name, backticks removed and `` undoubled
    kString,      // '...' or "..." as written; "..." is a name under ANSI_QUOTES
    kSymbol       // one other character: ( ) , ; = and the like
  };
  Kind kind = Kind::kSymbol;
  std::string text;
  std::string upper;

  bool is(const char* word) const { return kind == Kind::kWord && upper == word; }
  bool is_symbol(char c) const { return kind == Kind::kSymbol && text.size() == 1 && text[0] == c; }
};

struct AlterTokens {
  std::vector<AlterToken> tokens;
  bool unterminated = false;  // a quote or comment never closes; tokens stop there
};

AlterTokens tokenize_alter(std::string_view text);

}  // namespace oa::sql
