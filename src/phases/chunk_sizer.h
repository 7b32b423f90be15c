// How many rows the next chunk should hold, so that a chunk takes about the
// target time whatever the row size and the server's load.
#pragma once

#include <cstdint>

namespace oa::phases {

class ChunkSizer {
 public:
  // `fixed` > 0 pins the size (except after lock conflicts); otherwise the
  // size adapts toward `target_seconds`, between kMinRows and `max_rows`.
  ChunkSizer(double target_seconds, std::uint64_t fixed, std::uint64_t max_rows);

  std::uint64_t rows() const { return rows_; }

  // Records that a chunk of `rows` took `seconds`; adapts the next size.
  void observe(std::uint64_t rows, double seconds);

  // Aims at `seconds` per chunk from the next observe() on.
  void set_target_seconds(double seconds) { target_seconds_ = seconds; }

  // Halves the size after a chunk hit a lock held by a client (at least 1 row).
  void shrink();

  static constexpr std::uint64_t kInitialRows = 1000;  // pt-osc's default chunk size
  static constexpr std::uint64_t kMinRows = 10;        // below this, round trips dominate

 private:
  double target_seconds_;
  std::uint64_t fixed_;
  std::uint64_t max_rows_;
  std::uint64_t rows_;
};

}  // namespace oa::phases
