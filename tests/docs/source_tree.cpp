#include "source_tree.h"

#include <doctest/doctest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace oa::docs {

std::string source_path(const std::string& relative) {
  return std::string(OA_SOURCE_ROOT) + "/" + relative;
}

std::string program_path() { return OA_PROGRAM; }

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string shell_quote(const std::string& text) {
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string run_shell(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE_MESSAGE(pipe != nullptr, "cannot run " << command);
  std::string output;
  std::array<char, 4096> buffer;
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    output.append(buffer.data(), n);
  }
  const int status = pclose(pipe);
  REQUIRE_MESSAGE(status == 0, command << " exited with status " << status);
  return output;
}

}  // namespace oa::docs
