#include "phases/copy_progress.h"

#include <doctest/doctest.h>

using oa::phases::CopyStats;
using oa::phases::describe_progress;

TEST_CASE("progress shows rows, percent, rate and ETA") {
  CopyStats s;
  s.rows_examined = 50000;
  s.seconds = 2;
  CHECK(describe_progress(s, 200000) == "50000 / ~200000 rows (25%), 25000 rows/s, ETA 6s");
}

TEST_CASE("an underestimated table never shows 100% or a negative ETA") {
  CopyStats s;
  s.rows_examined = 300;
  s.seconds = 1;
  CHECK(describe_progress(s, 200) == "300 / ~200 rows (99%), 300 rows/s");
  CHECK(describe_progress(CopyStats{}, 0) == "0 / ~0 rows");
}
