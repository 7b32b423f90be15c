// The directory of --hook-dir: executables named after the events of a run.
#pragma once

#include <string>
#include <vector>

namespace oa::hooks {

// The events a hook can be named after, in the order a run reaches them:
// "before-copy", "before-cutover", "success", "failure".
const std::vector<std::string>& hook_events();

// Checks, before anything is created, that `dir` is a directory and that
// every file in it is executable. Throws UsageError naming the directory or
// the file otherwise.
void check_hook_dir(const std::string& dir);

// The path of the hook for `event` in `dir`, or "" when `dir` is empty or
// holds no such file.
std::string hook_path(const std::string& dir, const std::string& event);

}  // namespace oa::hooks
