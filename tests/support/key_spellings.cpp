#include "support/key_spellings.h"

#include <array>
#include <map>
#include <stdexcept>
#include <vector>

namespace oa::test {
namespace {

// Short words over letters that have accented forms, so most spellings differ
// from one another in bytes; 'atn' is the issue's own example.
const std::array<std::string, kBaseWordCount> kBaseWords = {
    "atn",    "acne",   "anion",   "bacon", "cabin",   "canoe", "canon", "casino", "cinema",
    "cocoa",  "cone",   "cuisine", "dance", "eon",     "enact", "icon",  "income", "inane",
    "ionic",  "lemon",  "melon",   "mince", "nation",  "nice",  "niece", "ninon",  "noise",
    "nuance", "nuncio", "ocean",   "once",  "onion",   "ounce", "ozone", "piano",  "radio",
    "salon",  "tenon",  "tonic",   "uncle", "unicode", "union", "venue", "audio",  "alien",
    "amino",  "atone",  "oasis",   "emu",   "cane"};

// Latin-1 letters that utf8mb4_general_ci sorts with their base letter.
const std::map<char, std::vector<std::string>> kAccented = {
    {'a', {"á", "Á", "à", "À", "â", "Â", "ä", "Ä"}},
    {'e', {"é", "É", "è", "È", "ê", "Ê", "ë", "Ë"}},
    {'i', {"í", "Í", "ì", "Ì", "î", "Î", "ï", "Ï"}},
    {'o', {"ó", "Ó", "ò", "Ò", "ô", "Ô", "ö", "Ö"}},
    {'u', {"ú", "Ú", "ù", "Ù", "û", "Û", "ü", "Ü"}},
    {'n', {"ñ", "Ñ"}},
    {'c', {"ç", "Ç"}},
};

// Every spelling of lower-case ASCII `letter`: itself, its capital, its accented forms.
std::vector<std::string> spellings_of(char letter) {
  std::vector<std::string> spellings = {std::string(1, letter),
                                        std::string(1, static_cast<char>(letter - 'a' + 'A'))};
  auto accented = kAccented.find(letter);
  if (accented != kAccented.end()) {
    spellings.insert(spellings.end(), accented->second.begin(), accented->second.end());
  }
  return spellings;
}

}  // namespace

const std::string& base_word(std::size_t index) { return kBaseWords.at(index); }

std::string random_spelling(const std::string& word, std::mt19937_64& rng) {
  std::string spelled;
  for (char letter : word) {
    if (letter < 'a' || letter > 'z') throw std::invalid_argument("not a lower-case word: " + word);
    const std::vector<std::string> spellings = spellings_of(letter);
    spelled += spellings[static_cast<std::size_t>(rng() % spellings.size())];
  }
  return spelled;
}

std::string random_trailing_spaces(std::mt19937_64& rng) {
  return std::string(static_cast<std::size_t>(rng() % (kMaxTrailingSpaces + 1)), ' ');
}

}  // namespace oa::test
