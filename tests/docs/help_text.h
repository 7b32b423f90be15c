// What `online-alter [verify|cleanup] --help` prints, read back into options:
// the tests compare the documentation with the program as it is built, so an
// option added to the program is checked without editing any test.
#pragma once

#include <string>
#include <vector>

namespace oa::docs {

struct HelpOption {
  std::string name;           // long name without the dashes, e.g. "chunk-time"
  std::string group;          // the heading it is listed under, e.g. "Copy and throttling"
  bool takes_value = false;   // shown with "arg"
  std::string default_value;  // the "(=...)" text; empty when there is none
  std::string description;    // its lines joined by single spaces
};

// The subcommands besides migrating; "" stands for the migration itself.
const std::vector<std::string>& subcommands();

// The --help text of the built program for `subcommand` ("" for the migration).
std::string help_text(const std::string& subcommand);

// The options listed in a Boost.Program_options help text, in order.
std::vector<HelpOption> parse_help(const std::string& text);

// The options of `subcommand`'s --help; fails the test when there are none.
std::vector<HelpOption> help_options(const std::string& subcommand);

// The option named `name` in `options`, or nullptr.
const HelpOption* find_option(const std::vector<HelpOption>& options, const std::string& name);

}  // namespace oa::docs
