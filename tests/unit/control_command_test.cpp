#include "control/control_command.h"

#include <doctest/doctest.h>

using oa::control::handle_command;
using oa::control::RunControls;
using oa::status::StatusBoard;

TEST_CASE("control commands change the run's controls and say so") {
  RunControls controls;
  const StatusBoard board;
  CHECK(handle_command("pause\r", controls, board).rfind("{\"ok\":true,", 0) == 0);
  CHECK(controls.paused());
  handle_command("  resume ", controls, board);
  CHECK_FALSE(controls.paused());
  handle_command("chunk-time=0.25", controls, board);
  REQUIRE(controls.chunk_time().has_value());
  CHECK(*controls.chunk_time() == doctest::Approx(0.25));
  handle_command("max-load=Threads_running=40,Threads_connected=900", controls, board);
  REQUIRE(controls.max_load().has_value());
  REQUIRE(controls.max_load()->size() == 2);
  CHECK(controls.max_load()->at(1).variable == "Threads_connected");
  CHECK(controls.max_load()->at(1).threshold == 900);
  CHECK_FALSE(controls.cutover_released());
  handle_command("cutover", controls, board);
  CHECK(controls.cutover_released());
  CHECK(handle_command("status", controls, board).rfind("{\"ok\":true,\"phase\":\"starting\"", 0) ==
        0);
}

TEST_CASE("a bad control command changes nothing and names the problem") {
  RunControls controls;
  const StatusBoard board;
  for (const char* bad : {"chunk-time=0", "chunk-time=fast", "chunk-time=", "chunk-time=1e9"}) {
    CHECK(handle_command(bad, controls, board).rfind("{\"ok\":false,\"error\":\"chunk-time", 0) ==
          0);
  }
  CHECK_FALSE(controls.chunk_time().has_value());
  CHECK(handle_command("max-load=Threads_running", controls, board).rfind("{\"ok\":false", 0) == 0);
  CHECK_FALSE(controls.max_load().has_value());
  CHECK(handle_command("PAUSE", controls, board).find("unknown command \\\"PAUSE\\\"") !=
        std::string::npos);
  CHECK_FALSE(controls.paused());
  CHECK(handle_command("", controls, board).rfind("{\"ok\":false", 0) == 0);
}
