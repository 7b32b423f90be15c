#include "phases/misfit_row.h"

#include <algorithm>

namespace oa::phases {
namespace {

// Copies (lower, upper] and rolls it back: true when a misfit error stops it.
bool copy_fails(db::Connection& c, const sql::CopySpec& spec, const std::vector<bool>& binary,
                const std::optional<Key>& lower, const Key& upper) {
  bool failed = false;
  c.in_rolled_back_transaction([&] {
    try {
      c.update(sql::copy_chunk(spec, lower.has_value()),
               bind_range(spec.from.columns, lower, upper, binary));
    } catch (const db::DbError& e) {
      if (!is_misfit_error(e)) throw;
      failed = true;
    }
  });
  return failed;
}

}  // namespace

bool is_misfit_error(const db::DbError& e) {
  switch (e.server_code()) {
    case 1048:  // ER_BAD_NULL_ERROR
    case 1264:  // ER_WARN_DATA_OUT_OF_RANGE
    case 1265:  // WARN_DATA_TRUNCATED
    case 1292:  // ER_TRUNCATED_WRONG_VALUE
    case 1366:  // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD
    case 1406:  // ER_DATA_TOO_LONG
    case 1690:  // ER_DATA_OUT_OF_RANGE
    case 3819:  // ER_CHECK_CONSTRAINT_VIOLATED (MySQL)
    case 4025:  // ER_CONSTRAINT_FAILED (MariaDB)
      return true;
    default:
      return false;
  }
}

std::optional<Key> find_misfit_row(db::Connection& c, Chunker& chunker, const sql::CopySpec& spec,
                                   std::optional<Key> lower, Key upper, std::uint64_t rows) {
  const std::vector<bool>& binary = chunker.binary();
  rows = std::max<std::uint64_t>(rows, 2);
  for (;;) {
    const std::optional<Key> first = chunker.boundary(lower, upper, 1);
    if (!first) return std::nullopt;  // the range is empty now
    if (*first == upper) {
      return copy_fails(c, spec, binary, lower, upper) ? std::optional<Key>(upper) : std::nullopt;
    }
    const std::uint64_t half = std::max<std::uint64_t>(rows / 2, 1);
    const std::optional<Key> middle = chunker.boundary(lower, upper, half);
    if (!middle || *middle == upper) {
      rows = half;  // fewer rows than thought
      continue;
    }
    if (copy_fails(c, spec, binary, lower, *middle)) {
      upper = *middle;
      rows = half;
    } else {
      lower = middle;
      rows = std::max<std::uint64_t>(rows - half, 2);
    }
  }
}

}  // namespace oa::phases
