#include "support/tool_run.h"

#include <sys/stat.h>

#include <cstdlib>
#include <sstream>

#include "support/tool_process.h"

namespace oa::test {
namespace {

constexpr std::size_t kDescribedLines = 15;  // enough to show the error and its context

// The last `count` lines of `text`.
std::string tail(const std::string& text, std::size_t count) {
  std::size_t position = text.size();
  if (position > 0 && text[position - 1] == '\n') --position;
  for (std::size_t lines = 0; position > 0; --position) {
    if (text[position - 1] == '\n' && ++lines == count) break;
  }
  return text.substr(position);
}

}  // namespace

std::string ToolResult::describe() const {
  std::ostringstream text;
  text << "exit code " << exit_code << (timed_out ? " (killed after the timeout)" : "") << " after "
       << seconds << " s\n--- stdout (last lines) ---\n"
       << tail(out, kDescribedLines) << "\n--- stderr (last lines) ---\n"
       << tail(err, kDescribedLines);
  return text.str();
}

std::string ToolResult::last_out_line() const {
  std::string line = tail(out, 1);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  return line;
}

std::string ToolRun::binary_from_environment() {
  const char* configured = std::getenv("OA_BIN");
  if (configured != nullptr && *configured != '\0') return configured;
  struct stat info {};
  if (stat("build/online-alter", &info) == 0) return "build/online-alter";
#ifdef OA_BUILT_TOOL
  return OA_BUILT_TOOL;
#else
  return "build/online-alter";
#endif
}

ToolRun::ToolRun(std::string binary, std::chrono::seconds timeout)
    : binary_(std::move(binary)), timeout_(timeout) {}

ToolResult ToolRun::run(const std::vector<std::string>& args) const {
  ToolProcess process(binary_, args, timeout_);
  return process.wait();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace oa::test
