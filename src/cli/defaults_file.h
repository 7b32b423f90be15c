// Reading the [client] group of a my.cnf-style file, as the mysql client does.
#pragma once

#include <map>
#include <string>

namespace oa::cli {

// Returns the keys of the [client] group of the file at `path` (later lines win;
// dashes and underscores in keys are the same; quotes around values removed).
// Throws UsageError if the file cannot be read.
std::map<std::string, std::string> read_client_group(const std::string& path);

// The [client] group of ~/.my.cnf (the directory in HOME), as the mysql client
// reads it by default; empty when HOME is unset or the file does not exist.
// Throws UsageError if the file exists but cannot be read.
std::map<std::string, std::string> read_home_client_group();

// The same, from text (for tests).
std::map<std::string, std::string> parse_client_group(const std::string& text);

}  // namespace oa::cli
