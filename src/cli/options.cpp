#include "cli/options.h"

#include <boost/program_options.hpp>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <sstream>

#include "cli/connection_sources.h"
#include "cli/defaults_file.h"
#include "cli/dsn.h"
#include "cli/replication_options.h"
#include "cli/revert_options.h"
#include "cli/run_record_options.h"
#include "error.h"
#include "exit_codes.h"

namespace po = boost::program_options;

namespace oa::cli {

const Options& option_defaults() {
  static const Options defaults;
  return defaults;
}

namespace {

constexpr const char* kUsage =
    "Usage: online-alter --database D --table T --alter \"CLAUSES\" [--dry-run | --execute]\n"
    "       online-alter verify --database D --table T --against OTHER [--columns C1,C2]\n"
    "       online-alter cleanup --database D --table T [--dry-run] [--drop-old-table]\n"
    "       online-alter history [--database D] [--table T] [--limit N]\n"
    "       online-alter revert --database D --table T [--dry-run]\n"
    "       online-alter finalize --database D --table T [--dry-run]\n"
    "Changes the schema of table T while the application keeps using it.\n"
    "Without --dry-run or --execute, prints the plan and changes nothing.\n"
    "A DSN argument h=host,P=port,u=user,p=password,D=database,t=table,S=socket may stand\n"
    "for the connection options, --database and --table.\n"
    "verify compares two tables chunk by chunk (see online-alter verify --help).\n"
    "cleanup removes what a stopped run left (see online-alter cleanup --help).\n"
    "history lists past runs (see online-alter history --help).\n"
    "revert and finalize end a --revertible migration (see online-alter revert --help).\n";

constexpr const char* kRevertUsage =
    "Usage: online-alter revert --database D --table T [--dry-run] [--revert-window DURATION]\n"
    "Swaps back a migration made with --revertible: applies the changes made to T since the\n"
    "swap to the kept old table _T_old, compares the two tables chunk by chunk (XXH3), and\n"
    "swaps them with one RENAME under a short lock. The newer table stays as _T_old, kept in\n"
    "step, so the revert can be reverted in turn. Refused, with the reason and nothing changed,\n"
    "when a row written since the swap does not fit the old schema or the window has ended.\n";

constexpr const char* kFinalizeUsage =
    "Usage: online-alter finalize --database D --table T [--dry-run]\n"
    "Ends the revert window of a --revertible migration: drops the triggers that keep _T_old\n"
    "in step, their change log, _T_old and the checkpoint. Says when the window had expired.\n";

constexpr const char* kVerifyUsage =
    "Usage: online-alter verify --database D --table T --against OTHER [--columns C1,C2]\n"
    "Compares table T with table OTHER of the same database, key range by key range along\n"
    "T's primary (or unique) key, by XXH3 checksums of their rows over the columns both have\n"
    "(or --columns), and prints the ranges and keys that differ. Exits 0 when the tables are\n"
    "equal, 9 when they differ. Reads only; run it while nothing writes either table, or expect\n"
    "rows changed during the run to differ.\n";

constexpr const char* kCleanupUsage =
    "Usage: online-alter cleanup --database D --table T [--dry-run] [--drop-old-table]\n"
    "Removes every object online-alter may have left next to table T after a run was stopped\n"
    "(killed, crashed, or --keep-for-resume): its triggers first, then the change log, the\n"
    "shadow table and the checkpoint; the old table _T_old only with --drop-old-table. Lists\n"
    "what it removes; running it again finds nothing. Refuses while a run works on T.\n";

constexpr const char* kHistoryUsage =
    "Usage: online-alter history [--database D] [--table T] [--limit N]\n"
    "Lists the runs recorded in --history-table, newest first: when, on which table, how each\n"
    "ended, and its ALTER. With --log-format json, prints one JSON object per run.\n";

// One option per line reads as the table it is; the formatter would fold it.
// clang-format off
po::options_description connection_options() {
  po::options_description connection("Connection");
  connection.add_options()
      ("host,h", po::value<std::string>(), "server host (default localhost)")
      ("port,P", po::value<unsigned>(), "server port (default 3306)")
      ("user,u", po::value<std::string>(), "user name (default: the login name)")
      ("password,p", po::value<std::string>(), "password (prefer MYSQL_PWD or --defaults-file)")
      ("ask-pass", po::bool_switch(), "ask for the password on the terminal, without echo")
      ("socket,S", po::value<std::string>(), "unix socket instead of host and port")
      ("defaults-file", po::value<std::string>(),
       "my.cnf-style file; its [client] group is read (before ~/.my.cnf's)")
      ("ssl-mode", po::value<std::string>(),
       "DISABLED, PREFERRED (default), REQUIRED, VERIFY_CA or VERIFY_IDENTITY")
      ("ssl-ca", po::value<std::string>(), "PEM file of the CA that signed the server's certificate")
      ("ssl-cert", po::value<std::string>(), "PEM file of the client certificate")
      ("ssl-key", po::value<std::string>(), "PEM file of the client certificate's key");
  return connection;
}

po::options_description output_options() {
  po::options_description output("Output");
  output.add_options()
      ("progress-interval", po::value<double>()->default_value(30),
       "seconds between progress lines when stderr is not a terminal")
      ("log-format", po::value<std::string>()->default_value("text"),
       "text, or json: one JSON object per line, and a JSON summary on stdout")
      ("control-socket", po::value<std::string>(),
       "unix socket for status, pause, resume, chunk-time=, max-load=, cutover, abort")
      ("metrics-file", po::value<std::string>(),
       "rewrite this file every 2 s with the run's status in Prometheus' text format")
      ("verbose,v", po::bool_switch(), "log every chunk and statement")
      ("quiet,q", po::bool_switch(), "log only warnings and errors")
      ("help", "print this help")
      ("version", "print the version");
  return output;
}
// clang-format on

po::options_description describe_options() {
  // clang-format off
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
      ("chunk-size-max", po::value<std::uint64_t>()->default_value(option_defaults().chunk_size_max),
       "largest adaptive chunk")
      ("sleep", po::value<double>()->default_value(0), "seconds to sleep between chunks")
      ("max-load", po::value<std::string>()->default_value("Threads_running=25"),
       "pause above VAR=N[,VAR=N]")
      ("max-flow-ctl", po::value<double>()->default_value(option_defaults().max_flow_ctl),
       "on Galera, pause while flow control paused the cluster for more than PERCENT of the "
       "last interval")
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
      ("allow-lossy", po::bool_switch(),
       "let the server truncate or convert values the new types cannot hold (default: stop)")
      ("allow-on-replica", po::bool_switch(),
       "run on a read_only or replicating server (its replicated rows are not captured)")
      ("alter-foreign-keys-method", po::value<std::string>()->default_value("none"),
       "none: refuse a table other tables reference; rebuild_constraints: point their "
       "constraints at the new table during the swap")
      ("no-verify", po::bool_switch(),
       "skip comparing the tables' checksums before the swap (rows are still counted)")
      ("no-drop-old-table", po::bool_switch(), "keep the original table as _T_old after the swap");
  po::options_description stops("Stops and resuming");
  stops.add_options()
      ("resume", po::bool_switch(), "continue a stopped run of the same --alter from its checkpoint")
      ("keep-for-resume", po::bool_switch(),
       "when stopped before the swap (signal, error), keep everything for --resume")
      ("retries", po::value<unsigned>()->default_value(option_defaults().retries),
       "attempts after a lost connection or killed statement (0 = none)");
  // clang-format on
  po::options_description all;
  all.add(connection_options()).add(target).add(copy).add(replication_options());
  all.add(cutover).add(revertible_options()).add(stops);
  all.add(run_record_options()).add(output_options());
  return all;
}

po::options_description describe_cleanup_options() {
  // clang-format off
  po::options_description what("What to clean up");
  what.add_options()
      ("database,D", po::value<std::string>(), "schema of the table")
      ("table,t", po::value<std::string>(), "the table a run was changing")
      ("dry-run", po::bool_switch(), "list what would be removed, remove nothing")
      ("drop-old-table", po::bool_switch(), "also drop _T_old, the table as it was before a swap")
      ("lock-wait-timeout", po::value<unsigned>()->default_value(2),
       "seconds each DROP may wait for locks");
  // clang-format on
  po::options_description all;
  all.add(connection_options()).add(what).add(output_options());
  return all;
}

po::options_description describe_revert_options(bool revert) {
  // clang-format off
  po::options_description what(revert ? "What to revert" : "What to finalize");
  what.add_options()
      ("database,D", po::value<std::string>(), "schema of the table")
      ("table,t", po::value<std::string>(), "the table migrated with --revertible")
      ("dry-run", po::bool_switch(), "check and print what would be done, change nothing")
      ("lock-wait-timeout", po::value<unsigned>()->default_value(2),
       "seconds each DDL may wait for locks");
  if (revert) {
    what.add_options()
        ("cutover-retries", po::value<unsigned>()->default_value(10),
         "attempts to take the swap locks")
        ("retries", po::value<unsigned>()->default_value(option_defaults().retries),
         "attempts after a lost connection or killed statement (0 = none)");
  }
  // clang-format on
  po::options_description all;
  all.add(connection_options()).add(what);
  if (revert) all.add(revert_window_option());
  all.add(output_options());
  return all;
}

po::options_description describe_history_options() {
  // clang-format off
  po::options_description which("Which runs");
  which.add_options()
      ("database,D", po::value<std::string>(), "only runs on tables of this schema")
      ("table,t", po::value<std::string>(), "only runs on tables of this name")
      ("limit", po::value<unsigned>()->default_value(option_defaults().history_limit),
       "list at most this many runs");
  // clang-format on
  po::options_description all;
  all.add(connection_options()).add(which).add(history_table_option()).add(output_options());
  return all;
}

po::options_description describe_verify_options() {
  // clang-format off
  po::options_description tables("What to compare");
  tables.add_options()
      ("database,D", po::value<std::string>(), "schema of both tables")
      ("table,t", po::value<std::string>(), "the table walked along its key")
      ("against", po::value<std::string>(), "the table compared with it")
      ("columns", po::value<std::string>(), "comma-separated columns to compare (default: all "
       "that both tables have)")
      ("chunk-size", po::value<std::uint64_t>()->default_value(option_defaults().chunk_size_max),
       "rows per compared key range");
  // clang-format on
  po::options_description all;
  all.add(connection_options()).add(tables).add(output_options());
  return all;
}

// Hides the value of --password/-p and a DSN's p= in argv so `ps` shows only
// asterisks.
void scrub_password(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    char* arg = argv[i];
    if (looks_like_dsn(arg)) hide_dsn_password(arg);
    if (std::strncmp(arg, "--replica=", 10) == 0 && looks_like_dsn(arg + 10)) {
      hide_dsn_password(arg + 10);
    }
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

// The connection settings (and the table) given on the command line, by
// option name: the options merged with the DSN.
std::map<std::string, std::string> command_line_settings(const po::variables_map& vm) {
  std::map<std::string, std::string> given;
  for (const char* name : {"host", "user", "password", "socket", "database", "table", "ssl-mode",
                           "ssl-ca", "ssl-cert", "ssl-key"}) {
    if (auto v = get<std::string>(vm, name)) given[name] = *v;
  }
  if (auto v = get<unsigned>(vm, "port")) given["port"] = std::to_string(*v);
  if (auto dsn = get<std::string>(vm, "dsn")) given = merge_dsn(given, parse_dsn(*dsn));
  return given;
}

db::ConnectionSettings connection_settings(const std::map<std::string, std::string>& given,
                                           const po::variables_map& vm) {
  ConnectionSources sources;
  sources.command_line = given;
  if (const char* env = std::getenv("MYSQL_PWD")) sources.environment_password = env;
  if (auto path = get<std::string>(vm, "defaults-file")) {
    sources.defaults_file = read_client_group(*path);
  }
  sources.home_file = read_home_client_group();
  if (const char* login = std::getenv("USER")) sources.login_name = login;
  return resolve_connection(sources);
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

namespace {

// Stores argv[first..] into `vm`; hides the password from the process list
// either way.
void parse_into(po::variables_map& vm, const po::options_description& description, int argc,
                char** argv, int first) {
  try {
    // The positional argument is the DSN; it is left out of --help's table.
    po::options_description with_dsn;
    with_dsn.add(description).add_options()("dsn", po::value<std::string>());
    po::positional_options_description positional;
    positional.add("dsn", 1);
    po::store(po::command_line_parser(argc - first + 1, argv + first - 1)
                  .options(with_dsn)
                  .positional(positional)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    scrub_password(argc, argv);
    throw UsageError(std::string(e.what()) + " (see online-alter" +
                     (first > 1 ? std::string(" ") + argv[1] : std::string()) + " --help)");
  }
  scrub_password(argc, argv);
}

// The --help or --version text when asked for; empty otherwise.
std::string help_or_version(const po::variables_map& vm, const char* usage,
                            const po::options_description& description) {
  std::ostringstream text;
  if (vm.count("help")) {
    text << usage << description << "\n" << exit_status_help();
  } else if (vm.count("version")) {
    text << "online-alter " << ONLINE_ALTER_VERSION << "\n";
  }
  return text.str();
}

void read_output(const po::variables_map& vm, Options& o);

// The options both commands share: connection, database, table, output.
void read_common(const po::variables_map& vm, Options& o) {
  const auto given = command_line_settings(vm);
  o.connection = connection_settings(given, vm);
  if (o.connection.database.empty()) throw UsageError("--database (or D= in the DSN) is required");
  if (auto it = given.find("table"); it != given.end()) o.table = it->second;
  if (o.table.empty()) throw UsageError("--table (or t= in the DSN) is required");
  o.ask_password = vm["ask-pass"].as<bool>();
  if (o.ask_password && given.count("password")) {
    throw UsageError("--ask-pass and a password on the command line exclude each other");
  }
  read_output(vm, o);
}

// The output options every command shares.
void read_output(const po::variables_map& vm, Options& o) {
  o.progress_interval = vm["progress-interval"].as<double>();
  require_positive(o.progress_interval, "progress-interval");
  if (vm["verbose"].as<bool>() && vm["quiet"].as<bool>()) {
    throw UsageError("--verbose and --quiet exclude each other");
  }
  o.verbosity = vm["quiet"].as<bool>() ? 0 : vm["verbose"].as<bool>() ? 2 : 1;
  const std::string format = vm["log-format"].as<std::string>();
  if (format != "text" && format != "json") {
    throw UsageError("--log-format takes text or json, not \"" + format + "\"");
  }
  o.json_log = format == "json";
  if (auto v = get<std::string>(vm, "metrics-file")) o.metrics_file = *v;
  if (auto v = get<std::string>(vm, "control-socket")) o.control_socket = *v;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const auto first = item.find_first_not_of(' ');
    const auto last = item.find_last_not_of(' ');
    if (first == std::string::npos) throw UsageError("--columns has an empty name: '" + text + "'");
    items.push_back(item.substr(first, last - first + 1));
  }
  return items;
}

// The start every subcommand shares: parses argv[2..] into `vm`, then either
// the --help/--version text or the command and the common options.
ParseResult start_subcommand(po::variables_map& vm, const po::options_description& description,
                             const char* usage, Command command, int argc, char** argv) {
  parse_into(vm, description, argc, argv, 2);
  ParseResult result;
  result.print_and_exit = help_or_version(vm, usage, description);
  if (!result.print_and_exit.empty()) return result;
  result.options.command = command;
  read_common(vm, result.options);
  return result;
}

unsigned read_lock_wait_timeout(const po::variables_map& vm) {
  const unsigned seconds = vm["lock-wait-timeout"].as<unsigned>();
  if (seconds == 0) throw UsageError("--lock-wait-timeout must be at least 1 second");
  return seconds;
}

ParseResult parse_verify(int argc, char** argv) {
  po::variables_map vm;
  ParseResult result =
      start_subcommand(vm, describe_verify_options(), kVerifyUsage, Command::kVerify, argc, argv);
  if (!result.print_and_exit.empty()) return result;
  Options& o = result.options;
  if (auto v = get<std::string>(vm, "against")) o.against = *v;
  if (o.against.empty()) throw UsageError("--against is required: the table to compare with");
  if (o.against == o.table) throw UsageError("--against names --table itself; name another table");
  if (auto v = get<std::string>(vm, "columns")) o.columns = split_list(*v);
  o.chunk_size = vm["chunk-size"].as<std::uint64_t>();
  if (o.chunk_size == 0) throw UsageError("--chunk-size must be at least 1");
  return result;
}

ParseResult parse_cleanup(int argc, char** argv) {
  po::variables_map vm;
  ParseResult result = start_subcommand(vm, describe_cleanup_options(), kCleanupUsage,
                                        Command::kCleanup, argc, argv);
  if (!result.print_and_exit.empty()) return result;
  Options& o = result.options;
  o.mode = vm["dry-run"].as<bool>() ? Mode::kDryRun : Mode::kExecute;
  o.remove_old_table = vm["drop-old-table"].as<bool>();
  o.lock_wait_timeout = read_lock_wait_timeout(vm);
  return result;
}

ParseResult parse_revert(int argc, char** argv, bool revert) {
  po::variables_map vm;
  ParseResult result =
      start_subcommand(vm, describe_revert_options(revert), revert ? kRevertUsage : kFinalizeUsage,
                       revert ? Command::kRevert : Command::kFinalize, argc, argv);
  if (!result.print_and_exit.empty()) return result;
  Options& o = result.options;
  o.mode = vm["dry-run"].as<bool>() ? Mode::kDryRun : Mode::kExecute;
  o.lock_wait_timeout = read_lock_wait_timeout(vm);
  if (revert) {
    o.cutover_retries = vm["cutover-retries"].as<unsigned>();
    if (o.cutover_retries == 0) throw UsageError("--cutover-retries must be at least 1");
    o.retries = vm["retries"].as<unsigned>();
    read_revert_window(vm, o);
  }
  return result;
}

// `history`: --database and --table only narrow the list, so neither is required.
ParseResult parse_history(int argc, char** argv) {
  po::variables_map vm;
  const po::options_description description = describe_history_options();
  parse_into(vm, description, argc, argv, 2);
  ParseResult result;
  result.print_and_exit = help_or_version(vm, kHistoryUsage, description);
  if (!result.print_and_exit.empty()) return result;
  Options& o = result.options;
  o.command = Command::kHistory;
  const auto given = command_line_settings(vm);
  o.connection = connection_settings(given, vm);
  if (auto it = given.find("table"); it != given.end()) o.table = it->second;
  o.ask_password = vm["ask-pass"].as<bool>();
  read_output(vm, o);
  read_run_record_options(vm, o);
  o.history_limit = vm["limit"].as<unsigned>();
  if (o.history_limit == 0) throw UsageError("--limit must be at least 1");
  return result;
}

}  // namespace

ParseResult parse_options(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "verify") == 0) return parse_verify(argc, argv);
  if (argc > 1 && std::strcmp(argv[1], "cleanup") == 0) return parse_cleanup(argc, argv);
  if (argc > 1 && std::strcmp(argv[1], "history") == 0) return parse_history(argc, argv);
  if (argc > 1 && std::strcmp(argv[1], "revert") == 0) return parse_revert(argc, argv, true);
  if (argc > 1 && std::strcmp(argv[1], "finalize") == 0) return parse_revert(argc, argv, false);
  const po::options_description description = describe_options();
  po::variables_map vm;
  parse_into(vm, description, argc, argv, 1);
  ParseResult result;
  result.print_and_exit = help_or_version(vm, kUsage, description);
  if (!result.print_and_exit.empty()) return result;
  Options& o = result.options;
  read_common(vm, o);
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
  o.max_flow_ctl = vm["max-flow-ctl"].as<double>();
  if (o.max_flow_ctl < 0 || o.max_flow_ctl > 100)
    throw UsageError("--max-flow-ctl is a percentage: 0 to 100");
  o.critical_load = parse_load_limits(vm["critical-load"].as<std::string>(), "critical-load");
  if (auto v = get<std::string>(vm, "pause-file")) o.pause_file = *v;
  if (auto v = get<std::string>(vm, "postpone-cutover-file")) o.postpone_cutover_file = *v;
  o.lock_wait_timeout = read_lock_wait_timeout(vm);
  o.cutover_retries = vm["cutover-retries"].as<unsigned>();
  if (o.cutover_retries == 0) throw UsageError("--cutover-retries must be at least 1");
  o.drop_old_table = !vm["no-drop-old-table"].as<bool>();
  o.verify = !vm["no-verify"].as<bool>();
  o.allow_lossy = vm["allow-lossy"].as<bool>();
  o.allow_on_replica = vm["allow-on-replica"].as<bool>();
  read_replication_options(vm, o);
  const std::string fk_method = vm["alter-foreign-keys-method"].as<std::string>();
  if (fk_method != "none" && fk_method != "rebuild_constraints") {
    throw UsageError("--alter-foreign-keys-method takes none or rebuild_constraints, not \"" +
                     fk_method + "\"");
  }
  o.rebuild_child_constraints = fk_method == "rebuild_constraints";
  o.resume = vm["resume"].as<bool>();
  o.keep_for_resume = vm["keep-for-resume"].as<bool>();
  o.retries = vm["retries"].as<unsigned>();
  read_run_record_options(vm, o);
  read_revertible_options(vm, o);
  if (o.revertible && !o.drop_old_table) {
    throw UsageError(
        "--revertible keeps the old table already (until finalize); leave out "
        "--no-drop-old-table");
  }
  if (o.resume && o.mode != Mode::kExecute) {
    throw UsageError("--resume continues a stopped migration, so it needs --execute");
  }
  return result;
}

}  // namespace oa::cli
