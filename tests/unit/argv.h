// Command lines for the option parser's tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "cli/options.h"

namespace oa::test {

// Owns mutable argv strings, as parse_options may overwrite a password;
// argv[0] is "online-alter".
struct Argv {
  explicit Argv(std::vector<std::string> args) : storage(std::move(args)) {
    storage.insert(storage.begin(), "online-alter");
    for (auto& s : storage) pointers.push_back(s.data());
  }
  int argc() { return static_cast<int>(pointers.size()); }
  char** argv() { return pointers.data(); }
  std::vector<std::string> storage;
  std::vector<char*> pointers;
};

// parse_options over `args` (without argv[0]).
inline cli::ParseResult parse(std::vector<std::string> args) {
  Argv a(std::move(args));
  return cli::parse_options(a.argc(), a.argv());
}

}  // namespace oa::test
