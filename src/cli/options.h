// Everything the user asked for, parsed and checked. Immutable after parsing.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "db/connection_settings.h"

namespace oa::cli {

enum class Mode { kPlanOnly, kDryRun, kExecute };

// `online-alter ...` migrates; `online-alter verify ...` compares two tables;
// `online-alter cleanup ...` removes what a stopped run left.
// `online-alter history ...` lists past runs.
// `online-alter revert ...` swaps a --revertible migration back;
// `online-alter finalize ...` ends its revert window.
enum class Command { kMigrate, kVerify, kCleanup, kHistory, kRevert, kFinalize };

// A status variable and the value above which it counts as overloaded.
struct LoadLimit {
  std::string variable;
  std::uint64_t threshold = 0;
  bool operator==(const LoadLimit& other) const {
    return variable == other.variable && threshold == other.threshold;
  }
};

struct Options {
  Command command = Command::kMigrate;
  db::ConnectionSettings connection;
  bool ask_password = false;  // --ask-pass: main() reads the password from the terminal
  std::string table;
  std::string against;               // verify: the table compared with `table`
  std::vector<std::string> columns;  // verify: the columns compared; empty = all shared
  std::string alter;
  Mode mode = Mode::kPlanOnly;

  double chunk_time = 0.5;       // seconds per chunk to aim for (pt-osc's default)
  std::uint64_t chunk_size = 0;  // fixed rows per chunk; 0 = adapt to chunk_time
  // Larger chunks copy no faster, but their statements stall the application
  // more: on the benchmark, the worst second's p99 was 48 ms at 100,000 rows
  // (median of 15 runs) and 28 ms at 20,000 (7 runs), for the same wall time.
  std::uint64_t chunk_size_max = 20000;
  double sleep = 0;                 // seconds between chunks
  std::vector<LoadLimit> max_load;  // pause the copy above these
  // Galera: pause the copy while flow control paused the cluster for more
  // than this share (percent) of the last check interval. A tenth: flow
  // control then costs every node's writers a tenth of their time, and the
  // copy's writesets are what a slow node most often falls behind on; short
  // bursts below it are normal and not worth a pause. 100 never pauses.
  double max_flow_ctl = 10;
  std::vector<LoadLimit> critical_load;  // abort above these
  std::string pause_file;
  std::string postpone_cutover_file;
  unsigned lock_wait_timeout = 2;  // seconds any DDL of the tool may wait for a lock
  unsigned cutover_retries = 10;
  bool drop_old_table = true;
  bool verify = true;             // compare checksums of every range before the swap
  bool allow_lossy = false;       // copy without strict mode
  bool allow_on_replica = false;  // run on a read_only or replicating server
  // Replicas: those named with --replica (parsed DSNs) and how to find more.
  std::vector<std::map<std::string, std::string>> replicas;
  std::vector<std::string> recursion_methods = {"hosts", "processlist"};
  double max_lag = 1;         // seconds of replica lag that pause the copy
  double check_interval = 1;  // seconds between lag checks
  // --alter-foreign-keys-method rebuild_constraints: other tables' foreign
  // keys that reference the table are pointed at the new table at the swap.
  bool rebuild_child_constraints = false;
  bool resume = false;           // continue a stopped run from its checkpoint
  bool keep_for_resume = false;  // on a stop before the swap, keep everything for --resume
  // Keep the old table after the swap, following the new one, so that
  // `revert` can swap back without losing a write; for this many seconds.
  bool revertible = false;
  double revert_window = 24 * 3600;
  unsigned retries = 10;          // attempts after a lost connection or a killed statement
  bool remove_old_table = false;  // cleanup: also drop _T_old
  // Seconds between progress lines when stderr is not a terminal: a cron
  // mail of a long run stays short.
  double progress_interval = 30;
  int verbosity = 1;           // 0 quiet, 1 normal, 2 verbose
  bool json_log = false;       // --log-format json
  std::string metrics_file;    // rewritten with Prometheus metrics; empty: none
  std::string control_socket;  // unix socket taking commands; empty: none

  // Hooks and the run history.
  std::string hook_dir;        // --hook-dir: executables run at a run's events; empty: none
  double hook_timeout = 60;    // seconds a hook may run before it is killed
  bool record_history = true;  // false with --no-history
  std::string history_database = "online_alter";  // --history-table DB.TABLE
  std::string history_table = "history";
  unsigned history_limit = 20;  // history: how many runs to list
};

// The options as they are before parsing, for the defaults --help shows.
// One shared instance: GCC 12 at -O3 warns that a temporary Options{} may be
// read uninitialized (a false alarm that breaks a release build with werror).
const Options& option_defaults();

// What parse_options found: options to run with, or a text to print and exit 0.
struct ParseResult {
  Options options;
  std::string print_and_exit;  // --help or --version text; empty otherwise
};

// Parses argv (options and an optional DSN argument), MYSQL_PWD, --defaults-file
// and ~/.my.cnf (see resolve_connection for which wins). Throws UsageError
// naming the bad option and the fix. Overwrites a --password value and a DSN's
// p= value in argv so that they do not stay visible in the process list.
ParseResult parse_options(int argc, char** argv);

// Parses "VAR=N[,VAR=N]"; "0" or "" means no limit. Throws UsageError.
std::vector<LoadLimit> parse_load_limits(const std::string& text, const std::string& option);

}  // namespace oa::cli
