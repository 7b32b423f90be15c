#include "phases/chunk_sizer.h"

#include <doctest/doctest.h>

using oa::phases::ChunkSizer;

TEST_CASE("adaptive size moves toward the target time, growth capped") {
  ChunkSizer s(0.5, 0, 100000);
  CHECK(s.rows() == ChunkSizer::kInitialRows);
  s.observe(1000, 0.01);  // 100k rows/s: ideal 50k, capped at 2x = 2000
  CHECK(s.rows() == 1500);
  for (int i = 0; i < 50; ++i) s.observe(s.rows(), s.rows() / 100000.0);
  CHECK(s.rows() > 40000);
  CHECK(s.rows() <= 50000);
}

TEST_CASE("slow chunks shrink the size, never below the minimum") {
  ChunkSizer s(0.5, 0, 100000);
  for (int i = 0; i < 50; ++i) s.observe(s.rows(), 10.0);
  CHECK(s.rows() == ChunkSizer::kMinRows);
}

TEST_CASE("maximum and fixed sizes are respected") {
  ChunkSizer capped(0.5, 0, 300);
  CHECK(capped.rows() == 300);
  for (int i = 0; i < 10; ++i) capped.observe(capped.rows(), 0.0001);
  CHECK(capped.rows() == 300);
  ChunkSizer fixed(0.5, 777, 100000);
  fixed.observe(777, 5.0);
  CHECK(fixed.rows() == 777);
}

TEST_CASE("lock conflicts halve the size down to one row, then it recovers") {
  ChunkSizer fixed(0.5, 64, 100000);
  for (int i = 0; i < 10; ++i) fixed.shrink();
  CHECK(fixed.rows() == 1);
  for (int i = 0; i < 10; ++i) fixed.observe(fixed.rows(), 0.01);
  CHECK(fixed.rows() == 64);
}
