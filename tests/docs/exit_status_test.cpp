// The exit statuses agree everywhere: the ExitCode enum of src/error.h, the
// table of src/exit_codes.cpp, every --help text, the man page's EXIT STATUS
// section and the README's "Exit codes" table.
#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "exit_codes.h"
#include "help_text.h"
#include "man_page.h"
#include "source_tree.h"

using namespace oa::docs;

namespace {

std::set<int> table_codes() {
  std::set<int> codes;
  for (const oa::ExitCodeInfo& info : oa::exit_code_table())
    codes.insert(static_cast<int>(info.code));
  return codes;
}

// The values of `enum class ExitCode` as src/error.h spells them.
std::set<int> enum_codes() {
  const std::string header = read_file(source_path("src/error.h"));
  const std::size_t begin = header.find("enum class ExitCode");
  REQUIRE(begin != std::string::npos);
  const std::string body = header.substr(begin, header.find("};", begin) - begin);
  static const std::regex enumerator(R"(\n\s*k\w+(\s*=\s*(\d+))?)");
  std::set<int> codes;
  for (std::sregex_iterator it(body.begin(), body.end(), enumerator), end; it != end; ++it) {
    REQUIRE_MESSAGE((*it)[1].matched, "give every ExitCode an explicit value: " << it->str());
    codes.insert(std::stoi((*it)[2]));
  }
  return codes;
}

// The lines of --help's "Exit status:" block, which must end the text.
std::vector<std::string> exit_status_block(const std::string& help) {
  const std::size_t begin = help.rfind("\nExit status:\n");
  REQUIRE_MESSAGE(begin != std::string::npos, "--help has no \"Exit status:\" list");
  std::istringstream in(help.substr(begin + 14));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("the exit code table has one row for each ExitCode of src/error.h") {
  CHECK(table_codes() == enum_codes());
  CHECK(table_codes().size() == oa::exit_code_table().size());
  std::set<std::string> names;
  for (const oa::ExitCodeInfo& info : oa::exit_code_table()) {
    CHECK_MESSAGE(names.insert(info.name).second, "name used twice: " << info.name);
    CHECK(std::string(info.meaning).size() > 0);
  }
}

TEST_CASE("every --help ends with the exit status list of the table") {
  for (const std::string& subcommand : subcommands()) {
    CAPTURE(subcommand);
    const std::vector<std::string> lines = exit_status_block(help_text(subcommand));
    REQUIRE(lines.size() == oa::exit_code_table().size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const oa::ExitCodeInfo& info = oa::exit_code_table()[i];
      static const std::regex row(R"(^\s+(\d+)\s+([a-z-]+): (.+)$)");
      std::smatch m;
      REQUIRE_MESSAGE(std::regex_match(lines[i], m, row), "not a code line: " << lines[i]);
      CHECK(std::stoi(m[1]) == static_cast<int>(info.code));
      CHECK(m[2] == info.name);
      CHECK(m[3] == info.meaning);
    }
  }
}

TEST_CASE("the man page's EXIT STATUS section lists exactly the table's codes") {
  std::set<int> listed;
  for (const ManEntry& entry : installed_man_page().entries("EXIT STATUS")) {
    REQUIRE_MESSAGE(std::regex_match(entry.tag, std::regex(R"(\d+)")),
                    "EXIT STATUS tag is not a number: " << entry.tag);
    CHECK_MESSAGE(listed.insert(std::stoi(entry.tag)).second, "listed twice: " << entry.tag);
    CHECK_MESSAGE(!entry.body.empty(), "status " << entry.tag << " has no meaning");
  }
  CHECK(listed == table_codes());
}

TEST_CASE("the README's exit code table lists exactly the table's codes") {
  const std::string readme = read_file(source_path("README.md"));
  const std::size_t begin = readme.find("\n## Exit codes\n");
  REQUIRE(begin != std::string::npos);
  const std::string section = readme.substr(begin, readme.find("\n## ", begin + 1) - begin);
  static const std::regex row(R"(\n\| (\d+) \|)");
  std::set<int> listed;
  for (std::sregex_iterator it(section.begin(), section.end(), row), end; it != end; ++it) {
    CHECK_MESSAGE(listed.insert(std::stoi((*it)[1])).second, "listed twice: " << it->str());
  }
  CHECK(listed == table_codes());
}
