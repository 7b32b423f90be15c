// online-alter: changes a table's schema while the application keeps using it.
// Exceptions end here and become the exit status; nowhere else catches them all.
#include <exception>
#include <iostream>

#include "cleanup_command.h"
#include "cli/options.h"
#include "cli/password_prompt.h"
#include "error.h"
#include "interrupt.h"
#include "log.h"
#include "migration.h"
#include "verify_command.h"

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
    oa::log::init(parsed.options.verbosity);
    switch (parsed.options.command) {
      case oa::cli::Command::kVerify:
        oa::run_verify(parsed.options);
        break;
      case oa::cli::Command::kCleanup:
        oa::run_cleanup(parsed.options);
        break;
      case oa::cli::Command::kMigrate:
        oa::interrupt::install();
        oa::run_migration(parsed.options);
        break;
    }
    return 0;
  } catch (const oa::Error& e) {
    std::cerr << "error: " << e.what() << std::endl;
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::cerr << "error: internal: " << e.what() << std::endl;
    return static_cast<int>(ExitCode::kInternal);
  }
}
