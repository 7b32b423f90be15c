#include "exit_codes.h"

#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <string>

using oa::ExitCode;
using oa::ExitCodeInfo;

TEST_CASE("the exit code table runs from 0 in numeric order with distinct names") {
  const auto& table = oa::exit_code_table();
  REQUIRE(!table.empty());
  CHECK(table.front().code == ExitCode::kOk);
  CHECK(table.back().code == ExitCode::kInterrupted);
  std::set<std::string> names;
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (i > 0) CHECK(static_cast<int>(table[i - 1].code) < static_cast<int>(table[i].code));
    CHECK(names.insert(table[i].name).second);
    const std::string meaning = table[i].meaning;
    CHECK(!meaning.empty());
    CHECK(meaning.back() != '.');
  }
}

TEST_CASE("the help's exit status list has a line per code: number, name, meaning") {
  std::istringstream help(oa::exit_status_help());
  std::string line;
  REQUIRE(std::getline(help, line));
  CHECK(line == "Exit status:");
  for (const ExitCodeInfo& info : oa::exit_code_table()) {
    REQUIRE(std::getline(help, line));
    const std::string number = std::to_string(static_cast<int>(info.code));
    CHECK(line ==
          std::string(4 - number.size(), ' ') + number + "  " + info.name + ": " + info.meaning);
  }
  CHECK(!std::getline(help, line));
}
