#include "verify/row_hash.h"

#include <xxhash.h>

#include <algorithm>

namespace oa::verify {
namespace {

void append_u64(std::string& out, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// A bijective scramble (splitmix64's finaliser), so that XOR and sum of the
// same hashes do not carry the same information.
std::uint64_t mix(std::uint64_t v) {
  v ^= v >> 30;
  v *= 0xBF58476D1CE4E5B9ull;
  v ^= v >> 27;
  v *= 0x94D049BB133111EBull;
  return v ^ (v >> 31);
}

}  // namespace

void append_canonical(std::string& out, const db::Value& value) {
  if (!value) {
    out.push_back('\0');
    return;
  }
  out.push_back('\1');
  append_u64(out, value->size());
  out += *value;
}

void encode_row(std::string& out, const db::Row& row, std::size_t first, std::size_t end) {
  out.clear();
  for (std::size_t i = first; i < std::min(end, row.size()); ++i) append_canonical(out, row[i]);
}

std::string canonical_row(const db::Row& row, std::size_t first, std::size_t end) {
  std::string out;
  encode_row(out, row, first, end);
  return out;
}

std::uint64_t row_hash(std::string& scratch, const db::Row& row, std::size_t first) {
  encode_row(scratch, row, first);
  return XXH3_64bits(scratch.data(), scratch.size());
}

std::uint64_t row_hash(const db::Row& row, std::size_t first) {
  std::string scratch;
  return row_hash(scratch, row, first);
}

void ChunkChecksum::add(std::uint64_t row_hash) {
  ++rows_;
  sum_ += row_hash;
  mixed_xor_ ^= mix(row_hash);
}

std::uint64_t ChunkChecksum::digest() const {
  std::string bytes;
  append_u64(bytes, rows_);
  append_u64(bytes, sum_);
  append_u64(bytes, mixed_xor_);
  return XXH3_64bits(bytes.data(), bytes.size());
}

bool ChunkChecksum::operator==(const ChunkChecksum& other) const {
  return rows_ == other.rows_ && sum_ == other.sum_ && mixed_xor_ == other.mixed_xor_;
}

}  // namespace oa::verify
