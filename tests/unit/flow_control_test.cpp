#include "phases/flow_control.h"

#include <doctest/doctest.h>

using oa::phases::flow_control_share;

TEST_CASE("flow control's share of an interval, in percent") {
  // Paused 250 ms of one second.
  CHECK(flow_control_share(1'000'000'000, 1'250'000'000, 1'000'000'000) == doctest::Approx(25.0));
  CHECK(flow_control_share(5, 5, 2'000'000'000) == doctest::Approx(0.0));
  // Paused the whole interval, and the counter read a moment after the clock.
  CHECK(flow_control_share(0, 1'100'000'000, 1'000'000'000) == doctest::Approx(100.0));
}

TEST_CASE("no share without elapsed time, or when the counter went back") {
  CHECK(flow_control_share(0, 1000, 0) == 0.0);
  // FLUSH STATUS or a restart resets the counter.
  CHECK(flow_control_share(9'000'000'000, 10, 1'000'000'000) == 0.0);
}
