#include "cli/revert_options.h"

#include <cmath>

#include "error.h"

namespace po = boost::program_options;

namespace oa::cli {

double parse_duration(const std::string& text, const char* option) {
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  const std::string unit = text.substr(used);
  const double scale = unit.empty() || unit == "s" ? 1
                       : unit == "m"               ? 60
                       : unit == "h"               ? 3600
                       : unit == "d"               ? 86400
                                                   : 0;
  if (used == 0 || scale == 0 || !std::isfinite(value) || value <= 0) {
    throw UsageError(std::string("--") + option +
                     " takes a duration such as 90s, 30m, 24h or 7d, not \"" + text + "\"");
  }
  return value * scale;
}

namespace {

void add_revert_window(po::options_description& group) {
  group.add_options()("revert-window", po::value<std::string>()->default_value("24h"),
                      "how long the way back stays open (s, m, h, d)");
}

}  // namespace

po::options_description revert_window_option() {
  po::options_description window("Revert window");
  add_revert_window(window);
  return window;
}

po::options_description revertible_options() {
  po::options_description back("Way back");
  back.add_options()(
      "revertible", po::bool_switch(),
      "keep the old table in step with the new one after the swap, for online-alter revert");
  add_revert_window(back);
  return back;
}

void read_revert_window(const po::variables_map& vm, Options& o) {
  o.revert_window = parse_duration(vm["revert-window"].as<std::string>(), "revert-window");
}

void read_revertible_options(const po::variables_map& vm, Options& o) {
  o.revertible = vm["revertible"].as<bool>();
  read_revert_window(vm, o);
  if (!o.revertible && !vm["revert-window"].defaulted()) {
    throw UsageError("--revert-window needs --revertible");
  }
}

}  // namespace oa::cli
