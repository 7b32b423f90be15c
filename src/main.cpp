// online-alter: changes a table's schema while the application keeps using it.
// Usage errors end here; every command's own failures become its exit status
// in status::run_reported.
#include <exception>
#include <iostream>

#include "cleanup_command.h"
#include "cli/options.h"
#include "cli/password_prompt.h"
#include "error.h"
#include "history/history_command.h"
#include "history/run_recorder.h"
#include "hooks/run_hooks.h"
#include "interrupt.h"
#include "log.h"
#include "migration.h"
#include "revert/revert_command.h"
#include "status/reported_run.h"
#include "verify_command.h"

namespace {

const char* mode_name(const oa::cli::Options& o) {
  switch (o.command) {
    case oa::cli::Command::kVerify:
      return "verify";
    case oa::cli::Command::kCleanup:
      return o.mode == oa::cli::Mode::kDryRun ? "cleanup-dry-run" : "cleanup";
    case oa::cli::Command::kHistory:
      return "history";
    case oa::cli::Command::kRevert:
      return o.mode == oa::cli::Mode::kDryRun ? "revert-dry-run" : "revert";
    case oa::cli::Command::kFinalize:
      return o.mode == oa::cli::Mode::kDryRun ? "finalize-dry-run" : "finalize";
    case oa::cli::Command::kMigrate:
      break;
  }
  switch (o.mode) {
    case oa::cli::Mode::kExecute:
      return "execute";
    case oa::cli::Mode::kDryRun:
      return "dry-run";
    case oa::cli::Mode::kPlanOnly:
      break;
  }
  return "plan";
}

}  // namespace

int main(int argc, char** argv) {
  using oa::ExitCode;
  try {
    oa::cli::ParseResult parsed = oa::cli::parse_options(argc, argv);
    if (!parsed.print_and_exit.empty()) {
      std::cout << parsed.print_and_exit;
      return 0;
    }
    if (parsed.options.ask_password) {
      parsed.options.connection.password = oa::cli::read_password_from_terminal("Password: ");
    }
    const oa::cli::Options& o = parsed.options;
    oa::log::init(o.verbosity, o.json_log ? oa::log::Format::kJson : oa::log::Format::kText);
    const oa::status::RunIdentity run{o.connection.database, o.table, o.alter, mode_name(o)};
    oa::control::RunControls controls;
    // history's JSON output is its runs, one per line, without a summary after them.
    const bool summary = o.json_log && o.command != oa::cli::Command::kHistory;
    oa::status::ReportSettings report{summary, o.progress_interval, o.metrics_file,
                                      {},      o.control_socket,    &controls};
    if (oa::history::records_history(o)) report.on_end.push_back(oa::history::run_recorder(o, run));
    oa::hooks::install({o.hook_dir, o.hook_timeout, o.connection.password}, run);
    report.on_end.push_back(oa::hooks::end_listener());
    return oa::status::run_reported(run, report, [&] {
      switch (o.command) {
        case oa::cli::Command::kVerify:
          oa::run_verify(o);
          break;
        case oa::cli::Command::kCleanup:
          oa::run_cleanup(o);
          break;
        case oa::cli::Command::kHistory:
          oa::run_history(o);
          break;
        case oa::cli::Command::kRevert:
          oa::revert::run_revert(o);
          break;
        case oa::cli::Command::kFinalize:
          oa::revert::run_finalize(o);
          break;
        case oa::cli::Command::kMigrate:
          oa::interrupt::install();
          oa::run_migration(o, controls);
          break;
      }
    });
  } catch (const oa::Error& e) {
    std::cerr << "error: " << e.what() << std::endl;
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "error: internal: " << e.what() << std::endl;
    return static_cast<int>(ExitCode::kInternal);
  }
}
