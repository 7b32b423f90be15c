#include "cli/defaults_file.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "error.h"

namespace oa::cli {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::string unquote(const std::string& v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    return v.substr(1, v.size() - 2);
  }
  return v;
}

}  // namespace

std::map<std::string, std::string> parse_client_group(const std::string& text) {
  std::map<std::string, std::string> out;
  std::istringstream in(text);
  std::string line;
  bool in_client = false;
  while (std::getline(in, line)) {
    line = trim(line);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[') {
      in_client = trim(line.substr(1, line.find(']') - 1)) == "client";
      continue;
    }
    if (!in_client) continue;
    const auto eq = line.find('=');
    std::string key = trim(line.substr(0, eq));
    std::replace(key.begin(), key.end(), '_', '-');
    out[key] = eq == std::string::npos ? "" : unquote(trim(line.substr(eq + 1)));
  }
  return out;
}

std::map<std::string, std::string> read_client_group(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw UsageError("cannot read --defaults-file " + path + ": check the path");
  std::stringstream text;
  text << file.rdbuf();
  return parse_client_group(text.str());
}

std::map<std::string, std::string> read_home_client_group() {
  const char* home = std::getenv("HOME");
  if (home == nullptr || *home == '\0') return {};
  const std::string path = std::string(home) + "/.my.cnf";
  struct stat info;
  if (stat(path.c_str(), &info) != 0) return {};
  std::ifstream file(path);
  if (!file) throw UsageError("cannot read " + path + ": check its permissions");
  std::stringstream text;
  text << file.rdbuf();
  return parse_client_group(text.str());
}

}  // namespace oa::cli
