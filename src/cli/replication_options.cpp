#include "cli/replication_options.h"

#include "cli/dsn.h"
#include "error.h"

namespace oa::cli {
namespace po = boost::program_options;

po::options_description replication_options() {
  po::options_description replicas("Replicas");
  // clang-format off
  replicas.add_options()
      ("replica", po::value<std::vector<std::string>>(),
       "watch this replica's lag: h=host,P=port[,u=user,p=password,S=socket]; repeatable")
      ("recursion-method", po::value<std::string>()->default_value("hosts,processlist"),
       "how to find replicas: hosts (SHOW SLAVE HOSTS), processlist, or none")
      ("max-lag", po::value<double>()->default_value(option_defaults().max_lag),
       "seconds of replica lag above which the copy pauses and the cut-over waits")
      ("check-interval", po::value<double>()->default_value(option_defaults().check_interval),
       "seconds between lag checks");
  // clang-format on
  return replicas;
}

namespace {

std::vector<std::string> parse_methods(const std::string& text) {
  std::vector<std::string> methods;
  std::size_t start = 0;
  for (;;) {
    const auto comma = text.find(',', start);
    const std::string method = text.substr(start, comma - start);
    if (method == "none") {
      if (text != "none") throw UsageError("--recursion-method none cannot be combined");
      return {};
    }
    if (method != "hosts" && method != "processlist") {
      throw UsageError(
          "--recursion-method takes hosts, processlist (in the order to try them, "
          "comma-separated) or none, not \"" +
          method + "\"");
    }
    methods.push_back(method);
    if (comma == std::string::npos) return methods;
    start = comma + 1;
  }
}

}  // namespace

void read_replication_options(const po::variables_map& vm, Options& o) {
  if (vm.count("replica")) {
    for (const auto& text : vm["replica"].as<std::vector<std::string>>()) {
      auto dsn = parse_dsn(text);
      for (const auto& [key, value] : dsn) {
        if (key == "database" || key == "table") {
          throw UsageError("--replica " + text +
                           ": a replica is named by h=, P=, u=, p= and S= only; the database "
                           "and table are the primary's");
        }
      }
      o.replicas.push_back(std::move(dsn));
    }
  }
  o.recursion_methods = parse_methods(vm["recursion-method"].as<std::string>());
  o.max_lag = vm["max-lag"].as<double>();
  if (!(o.max_lag > 0)) throw UsageError("--max-lag must be more than 0 seconds");
  o.check_interval = vm["check-interval"].as<double>();
  if (!(o.check_interval >= 0.05)) {
    throw UsageError("--check-interval must be at least 0.05 seconds");
  }
}

}  // namespace oa::cli
