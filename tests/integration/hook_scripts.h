// A hook directory for one test: small shell scripts that append a line per
// call to a file outside the directory, so that a test sees which hooks ran,
// in which order, with which environment.
#pragma once

#include <string>
#include <vector>

namespace oa::test {

class HookScripts {
 public:
  // Creates /tmp/oa_it_hooks.XXXXXX with an empty hooks/ directory in it.
  // Throws std::runtime_error when it cannot.
  HookScripts();
  // Removes everything it created.
  ~HookScripts();
  HookScripts(const HookScripts&) = delete;
  HookScripts& operator=(const HookScripts&) = delete;

  // Writes hook `event`: it appends "EVENT|OA_DATABASE|OA_TABLE|OA_PHASE|
  // OA_ALTER|OA_ROWS_COPIED|OA_EXIT_CODE|OA_OUTCOME|MYSQL_PWD" (unset ones as
  // "unset") to calls(), saves its whole environment in env_of(event), then
  // runs `body` (shell commands; exit status 0 when empty). `mode` is its
  // file mode.
  void write(const std::string& event, const std::string& body = "", unsigned mode = 0755);

  // The directory for --hook-dir.
  std::string dir() const { return root_ + "/hooks"; }

  // The lines the hooks appended so far, in order.
  std::vector<std::string> calls() const;

  // The environment hook `event` last ran with, one "NAME=value" per line.
  std::string env_of(const std::string& event) const;

 private:
  std::string root_;
};

}  // namespace oa::test
