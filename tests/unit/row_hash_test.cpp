#include "verify/row_hash.h"

#include <doctest/doctest.h>

#include <string>

using oa::db::Row;
using oa::db::Value;
using oa::verify::append_canonical;
using oa::verify::canonical_row;
using oa::verify::ChunkChecksum;
using oa::verify::row_hash;

namespace {

std::string encoded(const Value& v) {
  std::string out;
  append_canonical(out, v);
  return out;
}

ChunkChecksum checksum_of(const std::vector<Row>& rows) {
  ChunkChecksum c;
  for (const Row& r : rows) c.add(row_hash(r));
  return c;
}

}  // namespace

TEST_CASE("canonical encoding: NULL is one zero byte, a value is 1, its length, its bytes") {
  CHECK(encoded(std::nullopt) == std::string(1, '\0'));
  CHECK(encoded(std::string("ab")) == std::string("\1\2\0\0\0\0\0\0\0ab", 11));
  CHECK(encoded(std::string()) == std::string("\1\0\0\0\0\0\0\0\0", 9));
}

TEST_CASE("canonical encoding tells NULL from the empty string and from the text NULL") {
  CHECK(row_hash({std::nullopt}) != row_hash({std::string()}));
  CHECK(row_hash({std::nullopt}) != row_hash({std::string("NULL")}));
  CHECK(row_hash({std::nullopt}) != row_hash({std::string(1, '\0')}));
}

TEST_CASE("canonical encoding keeps trailing 0x00 bytes and embedded ones") {
  const std::string a("a");
  const std::string a0("a\0", 2);
  const std::string a00("a\0\0", 3);
  CHECK(row_hash({a}) != row_hash({a0}));
  CHECK(row_hash({a0}) != row_hash({a00}));
  CHECK(canonical_row({a0}).size() == 1 + 8 + 2);
}

TEST_CASE("canonical encoding does not let a value run into the next one") {
  CHECK(canonical_row({std::string("ab"), std::string("c")}) !=
        canonical_row({std::string("a"), std::string("bc")}));
  CHECK(row_hash({std::string("ab"), std::string("c")}) !=
        row_hash({std::string("a"), std::string("bc")}));
  CHECK(row_hash({std::string("a"), std::nullopt}) != row_hash({std::nullopt, std::string("a")}));
  CHECK(row_hash({std::string("a")}) != row_hash({std::string("a"), std::nullopt}));
}

TEST_CASE("canonical_row encodes a slice of the row") {
  const Row row{std::string("1"), std::string("x"), std::nullopt};
  CHECK(canonical_row(row, 0, 1) == canonical_row({std::string("1")}));
  CHECK(canonical_row(row, 1) == canonical_row({std::string("x"), std::nullopt}));
  CHECK(canonical_row(row, 2, 99) == std::string(1, '\0'));
}

TEST_CASE("row_hash is XXH3 of the canonical bytes: equal rows hash equal, bytes matter") {
  const Row row{std::string("42"), std::string("\xff\xfe", 2), std::nullopt};
  CHECK(row_hash(row) == row_hash(Row(row)));
  CHECK(row_hash(row) != row_hash({std::string("42"), std::string("\xff\xff", 2), std::nullopt}));
}

TEST_CASE("chunk checksum ignores row order but counts every row") {
  const Row r1{std::string("1"), std::string("a")};
  const Row r2{std::string("2"), std::string("b")};
  const Row r3{std::string("3"), std::string("c")};
  CHECK(checksum_of({r1, r2, r3}) == checksum_of({r3, r1, r2}));
  CHECK(checksum_of({r1, r2, r3}).digest() == checksum_of({r2, r3, r1}).digest());
  CHECK(checksum_of({r1, r2}) != checksum_of({r1, r2, r3}));
  // Under a plain XOR a row twice would cancel out and equal no row at all.
  CHECK(checksum_of({r1, r2, r2}) != checksum_of({r1}));
  CHECK(checksum_of({r1, r1}) != checksum_of({r2, r2}));
  CHECK(checksum_of({r1, r2, r2}).rows() == 3);
  CHECK(checksum_of({}) == ChunkChecksum());
}
