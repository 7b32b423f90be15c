// Spellings of key words that utf8mb4_general_ci holds equal: every letter in
// either case, and a, e, i, o, u, n and c also with accents the collation
// ignores ('atñ', 'ÁTN', 'Ätn'). Optionally with trailing spaces, which a PAD
// SPACE collation (utf8mb4_general_ci) ignores and a NO PAD one
// (utf8mb4_general_nopad_ci) does not. Pure functions of their arguments.
#pragma once

#include <cstddef>
#include <random>
#include <string>

namespace oa::test {

// Number of base words; base_word(i) for 0 <= i < kBaseWordCount.
constexpr std::size_t kBaseWordCount = 50;

// Most trailing spaces random_trailing_spaces() appends.
constexpr std::size_t kMaxTrailingSpaces = 2;

// Base word `index` (lower-case ASCII letters, at most 8 of them). No two base
// words are equal under utf8mb4_general_ci. Requires index < kBaseWordCount.
const std::string& base_word(std::size_t index);

// `word` with each letter replaced by one of its spellings, chosen at random
// (UTF-8); equal to `word` under utf8mb4_general_ci, though often not in bytes.
std::string random_spelling(const std::string& word, std::mt19937_64& rng);

// "" or up to kMaxTrailingSpaces spaces, chosen at random.
std::string random_trailing_spaces(std::mt19937_64& rng);

}  // namespace oa::test
