// Building blocks for ColumnSpec::generate: random values in the text form the
// server accepts for the column type.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "support/table_spec.h"

namespace oa::test {

// A decimal integer in [low, high].
ValueGenerator integer_between(std::int64_t low, std::int64_t high);

// An unsigned decimal integer in [low, high].
ValueGenerator unsigned_between(std::uint64_t low, std::uint64_t high);

// Printable ASCII letters and digits, length in [min_length, max_length].
ValueGenerator ascii_text(std::size_t min_length, std::size_t max_length);

// UTF-8 text of [min_chars, max_chars] characters mixing ASCII, accented Latin
// letters, Greek, CJK and 4-byte emoji.
ValueGenerator unicode_text(std::size_t min_chars, std::size_t max_chars);

// Arbitrary bytes (0x00 included) of length in [min_length, max_length].
ValueGenerator random_bytes(std::size_t min_length, std::size_t max_length);

// One of `choices`, uniformly.
ValueGenerator one_of(std::vector<std::string> choices);

// `generator`'s value, or NULL with probability `null_probability`.
ValueGenerator nullable(ValueGenerator generator, double null_probability);

// `count` groups of 11 decimal digits joined by '-', like sysbench's c and pad.
std::string digit_groups(std::mt19937_64& rng, int count);

}  // namespace oa::test
