#include "hook_scripts.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace oa::test {

HookScripts::HookScripts() {
  char name[] = "/tmp/oa_it_hooks.XXXXXX";
  if (::mkdtemp(name) == nullptr) throw std::runtime_error("mkdtemp failed");
  root_ = name;
  std::filesystem::create_directory(dir());
}

HookScripts::~HookScripts() {
  std::error_code ignored;
  std::filesystem::remove_all(root_, ignored);
}

void HookScripts::write(const std::string& event, const std::string& body, unsigned mode) {
  const std::string path = dir() + "/" + event;
  {
    std::ofstream script(path);
    script << "#!/bin/sh\n"
           << "echo \"$OA_HOOK_EVENT|$OA_DATABASE|$OA_TABLE|$OA_PHASE|$OA_ALTER|$OA_ROWS_COPIED|"
              "${OA_EXIT_CODE-unset}|${OA_OUTCOME-unset}|${MYSQL_PWD-unset}\" >> "
           << root_ << "/calls\n"
           << "env > " << root_ << "/" << event << ".env\n"
           << body << "\n";
  }
  if (::chmod(path.c_str(), mode) != 0) throw std::runtime_error("chmod failed: " + path);
}

std::vector<std::string> HookScripts::calls() const {
  std::vector<std::string> lines;
  std::ifstream in(root_ + "/calls");
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string HookScripts::env_of(const std::string& event) const {
  std::ifstream in(root_ + "/" + event + ".env");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace oa::test
