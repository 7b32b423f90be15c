#include "cli/run_record_options.h"

#include "error.h"
#include "hooks/hook_dir.h"

namespace po = boost::program_options;

namespace oa::cli {

// clang-format off
po::options_description history_table_option() {
  po::options_description history("History");
  history.add_options()
      ("history-table", po::value<std::string>()->default_value("online_alter.history"),
       "DB.TABLE where every --dry-run and --execute run is recorded (created when missing)");
  return history;
}

po::options_description run_record_options() {
  po::options_description record("Hooks and history");
  record.add_options()
      ("hook-dir", po::value<std::string>(),
       "run the executables named before-copy, before-cutover, success, failure in this directory")
      ("hook-timeout", po::value<double>()->default_value(option_defaults().hook_timeout),
       "seconds a hook may run before it is killed and counts as failed")
      ("no-history", po::bool_switch(), "do not record this run in --history-table");
  record.add(history_table_option());
  return record;
}
// clang-format on

std::pair<std::string, std::string> parse_history_table(const std::string& text) {
  const auto dot = text.find('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == text.size() ||
      text.find('.', dot + 1) != std::string::npos) {
    throw UsageError("--history-table takes DB.TABLE, e.g. online_alter.history; got \"" + text +
                     "\"");
  }
  return {text.substr(0, dot), text.substr(dot + 1)};
}

void read_run_record_options(const po::variables_map& vm, Options& o) {
  std::tie(o.history_database, o.history_table) =
      parse_history_table(vm["history-table"].as<std::string>());
  if (vm.count("no-history")) o.record_history = !vm["no-history"].as<bool>();
  if (vm.count("hook-timeout")) {
    o.hook_timeout = vm["hook-timeout"].as<double>();
    if (!(o.hook_timeout > 0)) throw UsageError("--hook-timeout must be greater than 0");
  }
  if (vm.count("hook-dir")) {
    o.hook_dir = vm["hook-dir"].as<std::string>();
    hooks::check_hook_dir(o.hook_dir);
  }
}

}  // namespace oa::cli
