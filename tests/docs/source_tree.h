// Where the documentation tests find the tree and the program they check.
// meson passes both paths in as compile definitions.
#pragma once

#include <string>

namespace oa::docs {

// The absolute path of `relative` inside the source tree.
std::string source_path(const std::string& relative);

// The built online-alter binary.
std::string program_path();

// The whole content of a file; fails the current test if it cannot be read.
std::string read_file(const std::string& path);

// `text` as one single-quoted shell word.
std::string shell_quote(const std::string& text);

// Standard output of `/bin/sh -c command`; standard error is left alone.
std::string run_shell(const std::string& command);

}  // namespace oa::docs
