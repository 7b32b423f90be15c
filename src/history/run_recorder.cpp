#include "history/run_recorder.h"

#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "db/connection.h"
#include "error.h"
#include "history/utc_time.h"
#include "log.h"
#include "sql/history_sql.h"
#include "sql/quote.h"
#include "status/status_board.h"

namespace oa::history {
namespace {

using SystemClock = std::chrono::system_clock;

std::string os_login() {
  if (const passwd* entry = ::getpwuid(::geteuid()); entry != nullptr) return entry->pw_name;
  if (const char* user = std::getenv("USER")) return user;
  return "";
}

std::string host_name() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return "";
  return name;
}

db::Param number(std::uint64_t value) { return db::Param{std::to_string(value), false, true}; }

void record(const cli::Options& o, const status::RunIdentity& run,
            const status::StatusSnapshot& end, int exit_code, const std::string& error) {
  const auto ended = SystemClock::now();
  const auto started = ended - std::chrono::duration_cast<SystemClock::duration>(
                                   std::chrono::duration<double>(end.elapsed_seconds));
  cli::Options where = o;
  where.connection.database
      .clear();  // the run's schema may be gone; the history's may not exist yet
  auto connection = db::Connection::open(where.connection);
  connection->execute(sql::create_history_schema(o.history_database));
  connection->execute(sql::create_history_table(o.history_database, o.history_table));
  connection->update(sql::insert_history_run(o.history_database, o.history_table),
                     {{ONLINE_ALTER_VERSION},
                      {run.alter},
                      {run.database},
                      {run.table},
                      {run.mode},
                      {os_login()},
                      {host_name()},
                      {utc_text(started)},
                      {utc_text(ended)},
                      {status::outcome_name(exit_code)},
                      number(static_cast<std::uint64_t>(exit_code)),
                      {error.empty() ? db::Value() : db::Value(error)},
                      number(end.rows_copied),
                      number(end.chunks),
                      number(end.retries),
                      {status::phase_seconds_json(end).text()},
                      {status::summary_json(end, run, exit_code, error)}});
}

}  // namespace

bool records_history(const cli::Options& o) {
  return o.command == cli::Command::kMigrate && o.mode != cli::Mode::kPlanOnly && o.record_history;
}

status::EndListener run_recorder(const cli::Options& options, const status::RunIdentity& run) {
  return [options, run](const status::StatusSnapshot& end, int exit_code,
                        const std::string& error) {
    const std::string where = sql::qualified_name(options.history_database, options.history_table);
    try {
      record(options, run, end, exit_code, error);
    } catch (const std::exception& e) {
      throw Error(ExitCode::kInternal, "could not record the run in " + where +
                                           " (--no-history "
                                           "skips it): " +
                                           e.what());
    }
    log::debug("recorded the run in " + where);
  };
}

}  // namespace oa::history
