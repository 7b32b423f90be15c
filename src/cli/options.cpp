#include "cli/options.h"

#include <boost/program_options.hpp>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <sstream>

#include "cli/defaults_file.h"
#include "error.h"

namespace po = boost::program_options;

namespace oa::cli {
namespace {

constexpr const char* kUsage =
    "Usage: online-alter --database D --table T --alter \"CLAUSES\" [--dry-run | --execute]\n"
    "Changes the schema of table T while the application keeps using it.\n"
    "Without --dry-run or --execute, prints the plan and changes nothing.\n";

po::options_description describe_options() {
  // One option per line reads as the table it is; the formatter would fold it.
  // clang-format off
  po::options_description connection("Connection");
  connection.add_options()
      ("host,h", po::value<std::string>(), "server host (default localhost)")
      ("port,P", po::value<unsigned>(), "server port (default 3306)")
      ("user,u", po::value<std::string>(), "user name (default: the login name)")
      ("password,p", po::value<std::string>(), "password (prefer MYSQL_PWD or --defaults-file)")
      ("socket,S", po::value<std::string>(), "unix socket instead of host and port")
      ("defaults-file", po::value<std::string>(), "my.cnf-style file; its [client] group is read");
  po::options_description target("What to change");
  target.add_options()
      ("database,D", po::value<std::string>(), "schema of the table")
      ("table,t", po::value<std::string>(), "table to alter")
      ("alter", po::value<std::string>(), "clauses of ALTER TABLE, e.g. \"ADD COLUMN c INT\"")
      ("dry-run", po::bool_switch(), "check everything, build and drop the shadow, print the plan")
      ("execute", po::bool_switch(), "run the migration");
  po::options_description copy("Copy and throttling");
  copy.add_options()
      ("chunk-time", po::value<double>()->default_value(0.5), "seconds per chunk to aim for")
      ("chunk-size", po::value<std::uint64_t>()->default_value(0),
       "fixed rows per chunk (0 = adaptive)")
      ("chunk-size-max", po::value<std::uint64_t>()->default_value(Options{}.chunk_size_max),
       "largest adaptive chunk")
      ("sleep", po::value<double>()->default_value(0), "seconds to sleep between chunks")
      ("max-load", po::value<std::string>()->default_value("Threads_running=25"),
       "pause above VAR=N[,VAR=N]")
      ("critical-load", po::value<std::string>()->default_value("Threads_running=50"),
       "abort above VAR=N[,VAR=N]; 0 = off")
      ("pause-file", po::value<std::string>(), "pause the copy while this file exists")
      ("postpone-cutover-file", po::value<std::string>(),
       "wait before the swap while this file exists");
  po::options_description cutover("Cut-over");
  cutover.add_options()
      ("lock-wait-timeout", po::value<unsigned>()->default_value(2),
       "seconds each DDL may wait for locks")
      ("cutover-retries", po::value<unsigned>()->default_value(10),
       "attempts to take the swap locks")
      ("no-drop-old-table", po::bool_switch(), "keep the original table as _T_old after the swap");
  po::options_description output("Output");
  output.add_options()
      ("progress-interval", po::value<double>()->default_value(5),
       "seconds between progress lines")
      ("verbose,v", po::bool_switch(), "log every chunk and statement")
      ("quiet,q", po::bool_switch(), "log only warnings and errors")
      ("help", "print this help")
      ("version", "print the version");
  // clang-format on
  po::options_description all;
  all.add(connection).add(target).add(copy).add(cutover).add(output);
  return all;
}

// Hides the value of --password/-p in argv so `ps` shows only asterisks.
void scrub_password(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    char* arg = argv[i];
    char* value = nullptr;
    if ((std::strcmp(arg, "--password") == 0 || std::strcmp(arg, "-p") == 0) && i + 1 < argc) {
      value = argv[i + 1];
    } else if (std::strncmp(arg, "--password=", 11) == 0) {
      value = arg + 11;
    } else if (std::strncmp(arg, "-p", 2) == 0 && arg[2] != '\0') {
      value = arg + 2;
    }
    if (value != nullptr) std::memset(value, '*', std::strlen(value));
  }
}

template <typename T>
std::optional<T> get(const po::variables_map& vm, const char* name) {
  if (!vm.count(name)) return std::nullopt;
  return vm[name].as<T>();
}

void require_positive(double value, const char* option) {
  if (!(value > 0)) throw UsageError(std::string("--") + option + " must be greater than 0");
}

db::ConnectionSettings connection_settings(const po::variables_map& vm) {
  db::ConnectionSettings s;
  std::map<std::string, std::string> file;
  if (auto path = get<std::string>(vm, "defaults-file")) file = read_client_group(*path);
  auto pick = [&](const char* option, const char* key) -> std::optional<std::string> {
    if (auto v = get<std::string>(vm, option)) return v;
    if (auto it = file.find(key); it != file.end()) return it->second;
    return std::nullopt;
  };
  if (auto v = pick("host", "host")) s.host = *v;
  if (auto v = pick("socket", "socket")) s.socket = *v;
  if (auto v = pick("database", "database")) s.database = *v;
  if (auto v = pick("user", "user")) {
    s.user = *v;
  } else if (const char* login = std::getenv("USER")) {
    s.user = login;
  }
  if (auto v = get<unsigned>(vm, "port")) {
    s.port = *v;
  } else if (auto it = file.find("port"); it != file.end()) {
    try {
      s.port = static_cast<unsigned>(std::stoul(it->second));
    } catch (const std::exception&) {
      throw UsageError("port = " + it->second + " in --defaults-file is not a number");
    }
  }
  if (auto v = get<std::string>(vm, "password")) {
    s.password = *v;
  } else if (const char* env = std::getenv("MYSQL_PWD")) {
    s.password = env;
  } else if (auto it = file.find("password"); it != file.end()) {
    s.password = it->second;
  }
  return s;
}

}  // namespace

std::vector<LoadLimit> parse_load_limits(const std::string& text, const std::string& option) {
  std::vector<LoadLimit> limits;
  if (text.empty() || text == "0") return limits;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const auto eq = item.find('=');
    LoadLimit limit;
    limit.variable = item.substr(0, eq);
    bool ok = eq != std::string::npos && !limit.variable.empty();
    for (char c : limit.variable)
      ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    try {
      if (ok) limit.threshold = std::stoull(item.substr(eq + 1));
    } catch (const std::exception&) {
      ok = false;
    }
    if (!ok) {
      throw UsageError("--" + option + " takes VAR=N[,VAR=N] with a status variable name and a " +
                       "number, e.g. Threads_running=25; got '" + item + "'");
    }
    limits.push_back(limit);
  }
  return limits;
}

ParseResult parse_options(int argc, char** argv) {
  const po::options_description description = describe_options();
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(description).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    scrub_password(argc, argv);
    throw UsageError(std::string(e.what()) + " (see online-alter --help)");
  }
  scrub_password(argc, argv);
  ParseResult result;
  if (vm.count("help")) {
    std::ostringstream text;
    text << kUsage << description;
    result.print_and_exit = text.str();
    return result;
  }
  if (vm.count("version")) {
    result.print_and_exit = std::string("online-alter ") + ONLINE_ALTER_VERSION + "\n";
    return result;
  }
  Options& o = result.options;
  o.connection = connection_settings(vm);
  if (o.connection.database.empty()) throw UsageError("--database is required");
  if (auto v = get<std::string>(vm, "table")) o.table = *v;
  if (o.table.empty()) throw UsageError("--table is required");
  if (auto v = get<std::string>(vm, "alter")) o.alter = *v;
  if (!vm.count("alter"))
    throw UsageError("--alter is required, e.g. --alter \"ADD COLUMN c INT\"");
  const bool dry_run = vm["dry-run"].as<bool>(), execute = vm["execute"].as<bool>();
  if (dry_run && execute) throw UsageError("--dry-run and --execute exclude each other: pick one");
  o.mode = execute ? Mode::kExecute : dry_run ? Mode::kDryRun : Mode::kPlanOnly;
  o.chunk_time = vm["chunk-time"].as<double>();
  require_positive(o.chunk_time, "chunk-time");
  o.chunk_size = vm["chunk-size"].as<std::uint64_t>();
  o.chunk_size_max = vm["chunk-size-max"].as<std::uint64_t>();
  if (o.chunk_size_max == 0) throw UsageError("--chunk-size-max must be at least 1");
  o.sleep = vm["sleep"].as<double>();
  if (o.sleep < 0) throw UsageError("--sleep cannot be negative");
  o.max_load = parse_load_limits(vm["max-load"].as<std::string>(), "max-load");
  o.critical_load = parse_load_limits(vm["critical-load"].as<std::string>(), "critical-load");
  if (auto v = get<std::string>(vm, "pause-file")) o.pause_file = *v;
  if (auto v = get<std::string>(vm, "postpone-cutover-file")) o.postpone_cutover_file = *v;
  o.lock_wait_timeout = vm["lock-wait-timeout"].as<unsigned>();
  if (o.lock_wait_timeout == 0) throw UsageError("--lock-wait-timeout must be at least 1 second");
  o.cutover_retries = vm["cutover-retries"].as<unsigned>();
  if (o.cutover_retries == 0) throw UsageError("--cutover-retries must be at least 1");
  o.drop_old_table = !vm["no-drop-old-table"].as<bool>();
  o.progress_interval = vm["progress-interval"].as<double>();
  require_positive(o.progress_interval, "progress-interval");
  if (vm["verbose"].as<bool>() && vm["quiet"].as<bool>()) {
    throw UsageError("--verbose and --quiet exclude each other");
  }
  o.verbosity = vm["quiet"].as<bool>() ? 0 : vm["verbose"].as<bool>() ? 2 : 1;
  return result;
}

}  // namespace oa::cli
