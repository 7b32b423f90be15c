// The README and the man page's examples name only options that exist: every
// online-alter command line they show uses options of its subcommand's --help,
// and every other --option they mention is one of the program's.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "help_text.h"
#include "man_page.h"
#include "source_tree.h"

using namespace oa::docs;

namespace {

// Options of the other programs the README shows: scripts/bench, scripts/test
// and sysbench.
const std::set<std::string> kOtherProgramsOptions = {
    "memory",     "repeat",   "tools",
    "oa-args",    "redo-log", "unit",
    "db-ps-mode", "rate",     "mysql-ignore-errors",
    "no-replica"};

// The lines of `text` with backslash-continued lines joined.
std::vector<std::string> logical_lines(const std::vector<std::string>& lines) {
  std::vector<std::string> joined;
  bool continued = false;
  for (const std::string& line : lines) {
    if (continued) {
      joined.back() += " " + line;
    } else {
      joined.push_back(line);
    }
    continued = !joined.back().empty() && joined.back().back() == '\\';
    if (continued) joined.back().pop_back();
  }
  return joined;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::set<std::string> option_names(const std::string& subcommand) {
  std::set<std::string> names;
  for (const HelpOption& option : help_options(subcommand)) names.insert(option.name);
  return names;
}

std::set<std::string> long_options_in(const std::string& text) {
  static const std::regex long_option(R"((?:^|[\s`(\["'])--([a-z][a-z0-9-]*))");
  std::set<std::string> names;
  for (std::sregex_iterator it(text.begin(), text.end(), long_option), end; it != end; ++it) {
    names.insert((*it)[1]);
  }
  return names;
}

// Checks every online-alter command in `lines`: the options after it, up to
// the end of the command, must be options of its subcommand. Returns how many
// commands it checked.
int check_commands(const std::vector<std::string>& lines, const std::string& where) {
  // "online-alter" starts a command when an option, a subcommand or "..."
  // follows it; the command ends at a shell operator, a comment or a backtick.
  static const std::regex command(
      R"((?:^|[\s`($/])online-alter(?![\w.-])(?: (verify|cleanup|history)\b)?((?: (?:-|\.\.\.)[^|;&`#>]*)?))");
  int checked = 0;
  for (const std::string& line : logical_lines(lines)) {
    // scripts/bench takes "online-alter" as a value of its own options.
    if (line.find("scripts/bench") != std::string::npos) continue;
    for (std::sregex_iterator it(line.begin(), line.end(), command), end; it != end; ++it) {
      const std::string subcommand = (*it)[1];
      const std::set<std::string> known = option_names(subcommand);
      for (const std::string& name : long_options_in((*it)[2])) {
        CHECK_MESSAGE(known.count(name) == 1, where << ": online-alter " << subcommand
                                                    << " has no option --" << name
                                                    << " in: " << line);
      }
      ++checked;
    }
  }
  return checked;
}

}  // namespace

TEST_CASE("the README's online-alter commands use only options of their subcommand") {
  const int checked = check_commands(split_lines(read_file(source_path("README.md"))), "README.md");
  CHECK(checked > 10);
}

TEST_CASE("the man page's examples use only options of their subcommand") {
  const int checked =
      check_commands(installed_man_page().section_lines("EXAMPLES"), "EXAMPLES of the man page");
  CHECK(checked > 3);
}

TEST_CASE("every --option the README names is one of the program's or another program's") {
  std::set<std::string> known = kOtherProgramsOptions;
  for (const std::string& subcommand : subcommands()) {
    const std::set<std::string> names = option_names(subcommand);
    known.insert(names.begin(), names.end());
  }
  for (const std::string& name : long_options_in(read_file(source_path("README.md")))) {
    CHECK_MESSAGE(known.count(name) == 1, "README.md names --" << name << ", which no program has");
  }
}
