#include "hooks/hook_dir.h"

#include <unistd.h>

#include <filesystem>
#include <system_error>

#include "error.h"

namespace oa::hooks {

namespace fs = std::filesystem;

const std::vector<std::string>& hook_events() {
  static const std::vector<std::string> events = {"before-copy", "before-cutover", "success",
                                                  "failure"};
  return events;
}

void check_hook_dir(const std::string& dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    throw UsageError("--hook-dir " + dir + " is not a directory");
  }
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    if (!entry.is_regular_file(error)) continue;
    // access() asks the kernel, which knows about ACLs and the mount's noexec.
    if (::access(entry.path().c_str(), X_OK) != 0) {
      throw UsageError("--hook-dir: " + entry.path().string() +
                       " is not executable; make it executable (chmod +x) or move it out of " +
                       dir);
    }
  }
  if (error) throw UsageError("--hook-dir " + dir + " cannot be read: " + error.message());
}

std::string hook_path(const std::string& dir, const std::string& event) {
  if (dir.empty()) return "";
  const fs::path path = fs::path(dir) / event;
  std::error_code error;
  return fs::is_regular_file(path, error) ? path.string() : "";
}

}  // namespace oa::hooks
