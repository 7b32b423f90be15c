// The canonical encoding of a row and its XXH3 hash: what the verification
// compares between the original table and the shadow, chunk by chunk.
#pragma once

#include <cstdint>
#include <string>

#include "db/connection.h"

namespace oa::verify {

// Appends one value unambiguously: NULL is the single byte 0; any other value
// is the byte 1, its length as 8 bytes little-endian, then its bytes as they
// are. So NULL differs from '', trailing 0x00 bytes count, and no value can run
// into the next one ('ab','c' differs from 'a','bc').
void append_canonical(std::string& out, const db::Value& value);

// The values of `row` from position `first` (up to `end`, or the last) in order,
// each encoded by append_canonical.
std::string canonical_row(const db::Row& row, std::size_t first = 0,
                          std::size_t end = static_cast<std::size_t>(-1));

// The values of `row` from position `first` (up to `end`), encoded as
// canonical_row does, replacing the content of `out` (whose memory is reused:
// no allocation per row once it is large enough).
void encode_row(std::string& out, const db::Row& row, std::size_t first = 0,
                std::size_t end = static_cast<std::size_t>(-1));

// XXH3-64 of canonical_row(row, first).
std::uint64_t row_hash(const db::Row& row, std::size_t first = 0);

// The same, encoding into `scratch`.
std::uint64_t row_hash(std::string& scratch, const db::Row& row, std::size_t first = 0);

// The checksum of a set of rows: it does not depend on the order the rows are
// added in (the two tables may order a key differently once the ALTER changes
// its collation), yet a row added twice does not cancel out, as under XOR.
class ChunkChecksum {
 public:
  void add(std::uint64_t row_hash);
  std::uint64_t rows() const { return rows_; }
  // One 64-bit digest of the rows, their sum and their mixed XOR.
  std::uint64_t digest() const;
  bool operator==(const ChunkChecksum& other) const;
  bool operator!=(const ChunkChecksum& other) const { return !(*this == other); }

 private:
  std::uint64_t rows_ = 0;
  std::uint64_t sum_ = 0;
  std::uint64_t mixed_xor_ = 0;
};

}  // namespace oa::verify
