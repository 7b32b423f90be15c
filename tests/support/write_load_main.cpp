// write_load: prepares a sysbench-like table and writes to it concurrently
// while keeping its own record of every committed change, then checks the
// table against that record. Used by scripts/demo and scripts/bench to show
// that a migration run under load lost no write.
//
//   write_load prepare --database D --table T --rows N
//   write_load run --database D --table T [--threads 4] [--rate 200]
//                  --stop-file PATH [--max-seconds S] [--seed N]
//
// Connection from OA_HOST, OA_PORT, OA_USER and MYSQL_PWD. Exit status: 0 the
// table matched the record and no transaction failed; 1 mismatch, failed
// transactions or a server error; 2 usage error.
#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <signal.h>
#include <sys/stat.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "support/record_comparison.h"
#include "support/sql_text.h"
#include "support/sysbench_table.h"
#include "support/table_reader.h"
#include "support/test_server.h"
#include "support/text_query.h"
#include "support/writer.h"

namespace {

using oa::test::Value;

constexpr int kExitMismatch = 1;
constexpr int kExitUsage = 2;
constexpr auto kPollInterval = std::chrono::milliseconds(100);  // stop file latency
constexpr long long kSeedModulus = 1000000007;  // keeps the default seed exact in a double

const char kUsage[] =
    "usage: write_load prepare --database D --table T --rows N\n"
    "       write_load run --database D --table T [--threads 4] [--rate 200]\n"
    "                      --stop-file PATH [--max-seconds S] [--seed N]\n"
    "Connection from OA_HOST, OA_PORT, OA_USER and MYSQL_PWD.\n"
    "run: writes until PATH exists (or S seconds passed, or SIGINT/SIGTERM), then\n"
    "compares the table with its record; rate is transactions/s, 0 = unlimited.\n";

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

volatile std::sig_atomic_t stop_requested = 0;

void request_stop(int) { stop_requested = 1; }

// "--name value" pairs after the subcommand; only the names in `allowed`.
std::map<std::string, std::string> parse_options(int argc, char** argv,
                                                 const std::vector<std::string>& allowed) {
  std::map<std::string, std::string> options;
  for (int i = 2; i < argc; i += 2) {
    const std::string name = argv[i];
    bool known = false;
    for (const std::string& a : allowed) known = known || name == "--" + a;
    if (!known) throw UsageError("unknown option " + name);
    if (i + 1 >= argc) throw UsageError(name + " needs a value");
    options[name.substr(2)] = argv[i + 1];
  }
  return options;
}

std::string required(const std::map<std::string, std::string>& options, const std::string& name) {
  auto found = options.find(name);
  if (found == options.end() || found->second.empty())
    throw UsageError("--" + name + " is required");
  return found->second;
}

double number(const std::map<std::string, std::string>& options, const std::string& name,
              double fallback) {
  auto found = options.find(name);
  if (found == options.end()) return fallback;
  std::size_t used = 0;
  double value = -1;
  try {
    value = std::stod(found->second, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != found->second.size() || value < 0) {
    throw UsageError("--" + name + " needs a non-negative number, not " + found->second);
  }
  return value;
}

bool file_exists(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0;
}

int prepare(int argc, char** argv) {
  const auto options = parse_options(argc, argv, {"database", "table", "rows"});
  const std::string database = required(options, "database");
  const std::string table = required(options, "table");
  required(options, "rows");
  const auto rows = static_cast<std::uint64_t>(number(options, "rows", 0));
  const auto server = oa::test::TestServer::from_environment();
  auto connection = server.connect();
  const auto started = std::chrono::steady_clock::now();
  oa::test::prepare_sysbench_table(*connection, database, table, rows);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "write_load: prepared " << oa::test::qualified_name(database, table) << " with "
            << rows << " rows in " << seconds << " s" << std::endl;
  return 0;
}

int run(int argc, char** argv) {
  const auto options = parse_options(
      argc, argv, {"database", "table", "threads", "rate", "stop-file", "max-seconds", "seed"});
  const std::string database = required(options, "database");
  const std::string table = required(options, "table");
  const std::string stop_file = required(options, "stop-file");
  const int threads = static_cast<int>(number(options, "threads", 4));
  if (threads < 1) throw UsageError("--threads must be at least 1");
  const double rate = number(options, "rate", 200);
  const double max_seconds = number(options, "max-seconds", 0);
  const auto default_seed = static_cast<double>(
      std::chrono::system_clock::now().time_since_epoch().count() % kSeedModulus);
  const auto seed = static_cast<std::uint64_t>(number(options, "seed", default_seed));

  const auto server = oa::test::TestServer::from_environment();
  oa::test::Record record;
  std::uint64_t max_id = 0;
  {
    auto connection = server.connect();
    const Value max = oa::test::query_value(
        *connection, "SELECT MAX(id) FROM " + oa::test::qualified_name(database, table));
    max_id = max ? std::stoull(*max) : 0;
    record =
        oa::test::load_record(*connection, oa::test::sysbench_table_spec(max_id), database, table);
  }
  const oa::test::TableSpec spec = oa::test::sysbench_table_spec(max_id);
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  oa::test::WriterOptions writer_options;
  writer_options.threads = threads;
  writer_options.rate = rate;
  writer_options.first_new_n = max_id;  // id = n + 1, so n = max_id is the first unused one
  writer_options.seed = seed;
  const std::size_t loaded_rows = record.size();
  oa::test::Writer writer(server, spec, database, table, std::move(record), writer_options);
  std::cerr << "write_load: record loaded: " << loaded_rows << " rows; writing with " << threads
            << " threads at ";
  if (rate > 0) {
    std::cerr << rate;
  } else {
    std::cerr << "unlimited";
  }
  std::cerr << " transactions/s until " << stop_file << " exists" << std::endl;

  const auto started = std::chrono::steady_clock::now();
  while (!stop_requested && !file_exists(stop_file)) {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (max_seconds > 0 && elapsed >= max_seconds) break;
    std::this_thread::sleep_for(kPollInterval);
  }
  writer.stop();

  const oa::test::WriterStats stats = writer.stats();
  for (const std::string& message : stats.first_errors) {
    std::cerr << "write_load: transaction failed: " << message << std::endl;
  }
  auto connection = server.connect();
  const oa::test::Comparison comparison =
      oa::test::compare_with_record(*connection, spec, database, table, writer.record());
  std::cout << "write_load: " << stats.commits << " transactions committed, " << stats.rollbacks
            << " rolled back, " << stats.errors << " errors; table "
            << (comparison.matches()
                    ? "matches the record: " + std::to_string(comparison.table_rows) + " rows"
                    : "MISMATCH: " + comparison.summary())
            << std::endl;
  return comparison.matches() && stats.errors == 0 ? 0 : kExitMismatch;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string command = argc > 1 ? argv[1] : "";
    if (command == "prepare") return prepare(argc, argv);
    if (command == "run") return run(argc, argv);
    if (command == "--help" || command == "-h") {
      std::cout << kUsage;
      return 0;
    }
    throw UsageError(command.empty() ? "a subcommand is required"
                                     : "unknown subcommand " + command);
  } catch (const UsageError& e) {
    std::cerr << "write_load: error: " << e.what() << "\n" << kUsage;
    return kExitUsage;
  } catch (const sql::SQLException& e) {
    std::cerr << "write_load: error: server error " << e.getErrorCode() << ": " << e.what()
              << std::endl;
    return kExitMismatch;
  } catch (const std::exception& e) {
    std::cerr << "write_load: error: " << e.what() << std::endl;
    return kExitMismatch;
  }
}
