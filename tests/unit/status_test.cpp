#include <doctest/doctest.h>

#include <string>

#include "status/json.h"
#include "status/metrics_file.h"
#include "status/status_board.h"
#include "status/summary.h"

using namespace oa::status;
using oa::log::Fields;

TEST_CASE("JSON strings escape quotes, controls and invalid UTF-8, and keep valid UTF-8") {
  CHECK(json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(json_string("line\nnext\ttab\r") == "\"line\\nnext\\ttab\\r\"");
  CHECK(json_string(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
  CHECK(json_string("\x7f") == "\"\\u007f\"");
  CHECK(json_string("caf\xC3\xA9 \xE6\xBC\xA2 \xF0\x9F\x98\x80") ==
        "\"caf\xC3\xA9 \xE6\xBC\xA2 \xF0\x9F\x98\x80\"");
  // A lone continuation byte, a cut-short sequence, an overlong form, a surrogate.
  CHECK(json_string("a\x80z") == "\"a\\ufffdz\"");
  CHECK(json_string("\xE6\xBC") == "\"\\ufffd\\ufffd\"");
  CHECK(json_string("\xC0\xAF") == "\"\\ufffd\\ufffd\"");
  CHECK(json_string("\xED\xA0\x80") == "\"\\ufffd\\ufffd\\ufffd\"");
}

TEST_CASE("JSON objects: members in order, numbers as a reader expects") {
  JsonObject inner;
  inner.add("copy", 4.25);
  JsonObject o;
  o.add("s", "x").add("n", std::uint64_t{18446744073709551615ULL}).add("i", -3);
  o.add("d", 1.5).add("whole", 2.0).add("tiny", 0.0001).add("b", false).add("o", inner);
  o.add("nan", 0.0 / 0.0).add_null("none");
  CHECK(o.text() ==
        "{\"s\":\"x\",\"n\":18446744073709551615,\"i\":-3,\"d\":1.5,\"whole\":2,\"tiny\":0,"
        "\"b\":false,\"o\":{\"copy\":4.25},\"nan\":null,\"none\":null}");
  CHECK(JsonObject().text() == "{}");
  JsonObject merged;
  merged.add("a", 1).merge(to_json(Fields{{"b", std::string("y")}, {"c", true}}));
  CHECK(merged.text() == "{\"a\":1,\"b\":\"y\",\"c\":true}");
}

TEST_CASE("the status board follows the copy: rows, percent, rate and ETA") {
  StatusBoard board;
  board.observe("phase", {{"phase", std::string("copy")}});
  board.observe("copy_progress", {{"rows", std::uint64_t{50000}},
                                  {"estimated_rows", std::uint64_t{200000}},
                                  {"chunks", std::uint64_t{5}},
                                  {"seconds", 2.0}});
  const StatusSnapshot s = board.snapshot();
  CHECK(s.phase == Phase::kCopy);
  CHECK(s.rows_copied == 50000);
  CHECK(s.chunks == 5);
  CHECK(s.rows_per_second == doctest::Approx(25000));
  REQUIRE(s.eta_seconds.has_value());
  CHECK(*s.eta_seconds == doctest::Approx(6));
  const std::string text = status_text(s);
  CHECK(text.rfind("copy: 50000 / ~200000 rows (25%), 25000 rows/s, ETA 6s (", 0) == 0);
}

TEST_CASE("an underestimated table never shows 100% or an ETA; throttling shows its reason") {
  StatusBoard board;
  board.observe("phase", {{"phase", std::string("copy")}});
  board.observe(
      "copy_progress",
      {{"rows", std::uint64_t{300}}, {"estimated_rows", std::uint64_t{200}}, {"seconds", 1.0}});
  board.observe("throttle", {{"paused", true}, {"reason", std::string("pause file /tmp/p")}});
  board.observe("retry", {});
  StatusSnapshot s = board.snapshot();
  CHECK_FALSE(s.eta_seconds.has_value());
  CHECK(status_text(s).rfind(
            "copy: 300 / ~200 rows (99%), 300 rows/s; paused: pause file /tmp/p; 1 retries (", 0) ==
        0);
  board.observe("throttle", {{"paused", false}});
  s = board.snapshot();
  CHECK_FALSE(s.throttled);
  CHECK(s.throttle_reason.empty());
}

TEST_CASE("phase durations add up when a phase is entered again, and reach the summary") {
  StatusBoard board;
  for (const char* phase : {"preflight", "copy", "verify", "postponed", "verify", "cutover"}) {
    board.observe("phase", {{"phase", std::string(phase)}});
  }
  board.observe("verify_progress", {{"ranges", std::uint64_t{7}}, {"rows", std::uint64_t{900}}});
  board.observe("result", {{"rows_inserted", std::uint64_t{42}}, {"verified", true}});
  const StatusSnapshot s = board.snapshot();
  CHECK(s.phase == Phase::kCutover);
  // starting, preflight, copy, verify (twice, one entry), postponed.
  CHECK(s.finished_phases.size() == 5);
  CHECK(s.ranges_verified == 7);
  const std::string phases = phase_seconds_json(s).text();
  CHECK(phases.rfind("{\"starting\":", 0) == 0);
  CHECK(phases.find("\"cutover\":") != std::string::npos);

  const std::string summary = summary_json(s, {"shop", "orders", "ADD c INT", "execute"}, 0, "");
  CHECK(summary.rfind("{\"event\":\"summary\",\"outcome\":\"ok\",\"exit_code\":0,"
                      "\"database\":\"shop\",\"table\":\"orders\",\"alter\":\"ADD c INT\","
                      "\"mode\":\"execute\",\"seconds\":",
                      0) == 0);
  CHECK(summary.find(",\"rows_inserted\":42,\"verified\":true}") != std::string::npos);
  const std::string failed = summary_json(s, {"d", "t", "", "execute"}, 9, "differ");
  CHECK(failed.find("\"outcome\":\"verification-failed\",\"exit_code\":9,\"error\":\"differ\"") !=
        std::string::npos);
  CHECK(std::string(outcome_name(4)) == "refused");
  CHECK(std::string(outcome_name(77)) == "internal");
}

TEST_CASE("the metrics file: one sample per phase, the numbers, escaped labels") {
  StatusBoard board;
  board.observe("phase", {{"phase", std::string("copy")}});
  board.observe("copy_progress", {{"rows", std::uint64_t{1500}},
                                  {"estimated_rows", std::uint64_t{3000}},
                                  {"chunks", std::uint64_t{3}},
                                  {"seconds", 1.0}});
  board.observe("throttle", {{"paused", true}, {"reason", std::string("file \"p\"\\x")}});
  const std::string text =
      prometheus_text(board.snapshot(), {"shop", "or\"ders"}, std::nullopt, 1700000000.5);
  const std::string labels = "{database=\"shop\",table=\"or\\\"ders\"";
  CHECK(text.find("# TYPE online_alter_phase gauge\n") != std::string::npos);
  CHECK(text.find("online_alter_phase" + labels + ",phase=\"copy\"} 1\n") != std::string::npos);
  CHECK(text.find("online_alter_phase" + labels + ",phase=\"verify\"} 0\n") != std::string::npos);
  CHECK(text.find("online_alter_rows_copied" + labels + "} 1500\n") != std::string::npos);
  CHECK(text.find("online_alter_rows_estimated" + labels + "} 3000\n") != std::string::npos);
  CHECK(text.find("online_alter_rows_per_second" + labels + "} 1500\n") != std::string::npos);
  CHECK(text.find("online_alter_eta_seconds" + labels + "} 1\n") != std::string::npos);
  CHECK(text.find("online_alter_throttled" + labels + ",reason=\"file \\\"p\\\"\\\\x\"} 1\n") !=
        std::string::npos);
  CHECK(text.find("online_alter_last_update_timestamp_seconds" + labels + "} 1700000000.5\n") !=
        std::string::npos);
  CHECK(text.find("exit_code") == std::string::npos);
  // Ten phases, one sample each.
  std::size_t samples = 0;
  for (std::size_t at = 0; (at = text.find("online_alter_phase{", at)) != std::string::npos; ++at) {
    ++samples;
  }
  CHECK(samples == 10);
  CHECK(prometheus_text(board.snapshot(), {"d", "t"}, 9, 0)
            .find("online_alter_exit_code{database=\"d\",table=\"t\"} 9\n") != std::string::npos);
}
