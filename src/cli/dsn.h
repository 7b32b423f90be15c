// A pt-online-schema-change style DSN given as the positional argument:
// "h=host,P=port,u=user,p=password,D=database,t=table,S=socket".
#pragma once

#include <map>
#include <string>

namespace oa::cli {

// Returns the DSN's values keyed by the long option each key stands for
// ("host", "port", "user", "password", "database", "table", "socket").
// Throws UsageError naming the part for an unknown key, a part without '=',
// or a key given twice. Values cannot contain commas.
std::map<std::string, std::string> parse_dsn(const std::string& text);

// Adds the DSN's values to the values of the explicit options (both keyed by
// option name). Throws UsageError naming both when an option and the DSN give
// the same setting different values.
std::map<std::string, std::string> merge_dsn(std::map<std::string, std::string> options,
                                             const std::map<std::string, std::string>& dsn);

// Whether `arg` has the shape of a DSN: "k=..." with a one-letter key.
bool looks_like_dsn(const char* arg);

// Overwrites the value of every "p=" part of the DSN `arg` with asterisks, in
// place, so that it does not show in the process list. Requires looks_like_dsn(arg).
void hide_dsn_password(char* arg);

}  // namespace oa::cli
