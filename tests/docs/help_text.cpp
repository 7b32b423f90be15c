#include "help_text.h"

#include <doctest/doctest.h>

#include <regex>
#include <sstream>

#include "source_tree.h"

namespace oa::docs {

const std::vector<std::string>& subcommands() {
  static const std::vector<std::string> names = {"",        "verify", "cleanup",
                                                 "history", "revert", "finalize"};
  return names;
}

std::string help_text(const std::string& subcommand) {
  return run_shell(shell_quote(program_path()) + (subcommand.empty() ? "" : " " + subcommand) +
                   " --help");
}

std::vector<HelpOption> parse_help(const std::string& text) {
  // Boost prints "  -h [ --host ] arg (=x)   text" or "  --name arg   text",
  // wrapping a long text onto lines indented past the option column.
  static const std::regex option_line(
      R"(^  (?:-\w \[ )?--([a-z0-9-]+)(?: \])?( arg)?(?: \(=(\S*)\))?(?:\s+(.*))?$)");
  static const std::regex heading(R"(^(\S.*):$)");
  static const std::regex continuation(R"(^\s{3,}(\S.*)$)");
  std::vector<HelpOption> options;
  std::string group;
  bool in_option = false;
  std::istringstream in(text);
  std::string line;
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_match(line, m, option_line)) {
      HelpOption option;
      option.name = m[1];
      option.group = group;
      option.takes_value = m[2].matched;
      option.default_value = m[3];
      option.description = m[4];
      options.push_back(option);
      in_option = true;
    } else if (in_option && std::regex_match(line, m, continuation)) {
      std::string& description = options.back().description;
      description += (description.empty() ? "" : " ") + m[1].str();
    } else {
      in_option = false;
      if (std::regex_match(line, m, heading)) group = m[1];
    }
  }
  return options;
}

std::vector<HelpOption> help_options(const std::string& subcommand) {
  std::vector<HelpOption> options = parse_help(help_text(subcommand));
  REQUIRE_MESSAGE(!options.empty(), "no options found in the --help of '" << subcommand << "'");
  return options;
}

const HelpOption* find_option(const std::vector<HelpOption>& options, const std::string& name) {
  for (const HelpOption& option : options) {
    if (option.name == name) return &option;
  }
  return nullptr;
}

}  // namespace oa::docs
