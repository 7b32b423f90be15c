// The man page documents every option the program's --help lists, each with
// the default --help shows, and the synopsis shows every subcommand.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "help_text.h"
#include "man_page.h"

using namespace oa::docs;

namespace {

// The OPTIONS subsection that documents each subcommand's own options.
const std::map<std::string, std::string> kSubcommandSubsection = {
    {"verify", "Comparing two tables"},
    {"cleanup", "Cleaning up after a stopped run"},
    {"history", "Listing past runs"},
    {"revert", "Reverting a migration"},
    {"finalize", "Ending the revert window"}};

// The OPTIONS entries by long option name (an entry may name several).
std::multimap<std::string, ManEntry> entries_by_option(const std::vector<ManEntry>& entries) {
  static const std::regex long_option(R"(--([a-z0-9-]+))");
  std::multimap<std::string, ManEntry> by_option;
  for (const ManEntry& entry : entries) {
    for (std::sregex_iterator it(entry.tag.begin(), entry.tag.end(), long_option), end; it != end;
         ++it) {
      by_option.emplace((*it)[1], entry);
    }
  }
  return by_option;
}

// Checks that `option` has an entry among `documented`, and that one of its
// entries gives the default --help shows.
void check_documented(const HelpOption& option,
                      const std::multimap<std::string, ManEntry>& documented,
                      const std::string& where) {
  const auto [first, last] = documented.equal_range(option.name);
  CHECK_MESSAGE(first != last, "--" << option.name << " is not a tagged option in " << where);
  if (first == last || option.default_value.empty()) return;
  bool has_default = false;
  for (auto it = first; it != last; ++it) {
    has_default = has_default ||
                  it->second.body.find("Default: " + option.default_value) != std::string::npos;
  }
  CHECK_MESSAGE(has_default, "the entry of --"
                                 << option.name << " in " << where
                                 << " does not say \"Default: " << option.default_value << "\"");
}

}  // namespace

TEST_CASE("every option of the migration's --help is in the man page with its default") {
  const auto documented = entries_by_option(installed_man_page().entries("OPTIONS"));
  for (const HelpOption& option : help_options("")) {
    check_documented(option, documented, "OPTIONS");
  }
}

TEST_CASE("every option of verify's and cleanup's --help is in the man page") {
  const ManPage man = installed_man_page();
  const std::vector<HelpOption> migration = help_options("");
  const auto everywhere = entries_by_option(man.entries("OPTIONS"));
  for (const auto& [subcommand, subsection] : kSubcommandSubsection) {
    CAPTURE(subcommand);
    const auto own = entries_by_option(man.entries("OPTIONS", subsection));
    for (const HelpOption& option : help_options(subcommand)) {
      // An option the migration has with the same default is documented once,
      // for all; one of the subcommand's own, or with another default, is
      // documented in the subcommand's subsection.
      const HelpOption* shared = find_option(migration, option.name);
      if (shared != nullptr && shared->default_value == option.default_value &&
          shared->takes_value == option.takes_value) {
        check_documented(option, everywhere, "OPTIONS");
      } else {
        check_documented(option, own, "OPTIONS, " + subsection);
      }
    }
  }
}

TEST_CASE("the synopsis shows every subcommand") {
  std::string synopsis;
  for (const std::string& line : installed_man_page().section_lines("SYNOPSIS")) {
    synopsis += line + " ";
  }
  for (const std::string& subcommand : subcommands()) {
    if (subcommand.empty()) continue;
    CHECK_MESSAGE(synopsis.find("online-alter " + subcommand + " ") != std::string::npos,
                  "SYNOPSIS lacks online-alter " << subcommand);
  }
}

TEST_CASE("the man page has the sections an operator looks for") {
  const std::vector<std::string> sections = installed_man_page().sections();
  for (const char* name :
       {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "EXAMPLES", "RISKS"}) {
    CHECK_MESSAGE(std::find(sections.begin(), sections.end(), name) != sections.end(),
                  "no section " << std::string(name));
  }
}
