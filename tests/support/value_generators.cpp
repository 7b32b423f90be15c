#include "support/value_generators.h"

namespace oa::test {
namespace {

std::size_t length_between(std::mt19937_64& rng, std::size_t low, std::size_t high) {
  return std::uniform_int_distribution<std::size_t>(low, high)(rng);
}

}  // namespace

ValueGenerator integer_between(std::int64_t low, std::int64_t high) {
  return [low, high](std::mt19937_64& rng) -> Value {
    return std::to_string(std::uniform_int_distribution<std::int64_t>(low, high)(rng));
  };
}

ValueGenerator unsigned_between(std::uint64_t low, std::uint64_t high) {
  return [low, high](std::mt19937_64& rng) -> Value {
    return std::to_string(std::uniform_int_distribution<std::uint64_t>(low, high)(rng));
  };
}

ValueGenerator ascii_text(std::size_t min_length, std::size_t max_length) {
  return [min_length, max_length](std::mt19937_64& rng) -> Value {
    static const char kAlphabet[] =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::string text(length_between(rng, min_length, max_length), ' ');
    for (char& c : text) c = kAlphabet[rng() % (sizeof kAlphabet - 1)];
    return text;
  };
}

ValueGenerator unicode_text(std::size_t min_chars, std::size_t max_chars) {
  return [min_chars, max_chars](std::mt19937_64& rng) -> Value {
    // Pieces of 1 to 4 bytes each, including characters that differ from ASCII
    // only by an accent and emoji outside the Basic Multilingual Plane.
    static const std::vector<std::string> kPieces = {"a",
                                                     "Z",
                                                     "7",
                                                     " ",
                                                     "'",
                                                     "\"",
                                                     "\\",
                                                     "%",
                                                     "_",
                                                     "\xC3\xA9" /* é */,
                                                     "\xC3\x9C" /* Ü */,
                                                     "\xC3\x9F" /* ß */,
                                                     "\xCE\xA9" /* Ω */,
                                                     "\xE2\x9C\x93" /* ✓ */,
                                                     "\xE6\x97\xA5" /* 日 */,
                                                     "\xE2\x82\xAC" /* € */,
                                                     "\xF0\x9F\x98\x80" /* 😀 */,
                                                     "\xF0\x9F\x90\xAC" /* 🐬 */};
    std::string text;
    const std::size_t chars = length_between(rng, min_chars, max_chars);
    for (std::size_t i = 0; i < chars; ++i) text += kPieces[rng() % kPieces.size()];
    return text;
  };
}

ValueGenerator random_bytes(std::size_t min_length, std::size_t max_length) {
  return [min_length, max_length](std::mt19937_64& rng) -> Value {
    std::string bytes(length_between(rng, min_length, max_length), '\0');
    for (char& c : bytes) {
      // One byte in four is 0x00, the byte most likely to be cut off by C strings.
      c = (rng() % 4 == 0) ? '\0' : static_cast<char>(rng() & 0xff);
    }
    return bytes;
  };
}

ValueGenerator one_of(std::vector<std::string> choices) {
  return [choices = std::move(choices)](std::mt19937_64& rng) -> Value {
    return choices[rng() % choices.size()];
  };
}

ValueGenerator nullable(ValueGenerator generator, double null_probability) {
  return [generator = std::move(generator), null_probability](std::mt19937_64& rng) -> Value {
    if (std::uniform_real_distribution<double>(0, 1)(rng) < null_probability) return std::nullopt;
    return generator(rng);
  };
}

std::string digit_groups(std::mt19937_64& rng, int count) {
  std::string text;
  for (int group = 0; group < count; ++group) {
    if (group > 0) text += '-';
    for (int digit = 0; digit < 11; ++digit) text += static_cast<char>('0' + rng() % 10);
  }
  return text;
}

}  // namespace oa::test
