#include "cli/dsn.h"

#include <cctype>
#include <cstring>
#include <sstream>

#include "error.h"

namespace oa::cli {
namespace {

// pt-online-schema-change's keys; its A (charset) and F (defaults file) are
// left out: the tool always speaks utf8mb4, and --defaults-file says the same.
const std::map<char, std::string>& option_for_key() {
  static const std::map<char, std::string> keys{
      {'h', "host"},     {'P', "port"},  {'u', "user"},  {'p', "password"},
      {'D', "database"}, {'t', "table"}, {'S', "socket"}};
  return keys;
}

constexpr const char* kDsnHelp =
    "the DSN takes h=host,P=port,u=user,p=password,D=db,t=table,S=socket";

}  // namespace

std::map<std::string, std::string> parse_dsn(const std::string& text) {
  std::map<std::string, std::string> values;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    const auto eq = part.find('=');
    if (eq == std::string::npos) {
      throw UsageError("DSN part '" + part + "' has no '=': " + kDsnHelp);
    }
    const std::string key = part.substr(0, eq);
    const auto known = key.size() == 1 ? option_for_key().find(key[0]) : option_for_key().end();
    if (known == option_for_key().end()) {
      // The value may be a password: name only the key.
      throw UsageError("unknown DSN key '" + key + "': " + kDsnHelp);
    }
    if (!values.emplace(known->second, part.substr(eq + 1)).second) {
      throw UsageError("DSN key '" + key + "' is given twice");
    }
  }
  return values;
}

std::map<std::string, std::string> merge_dsn(std::map<std::string, std::string> options,
                                             const std::map<std::string, std::string>& dsn) {
  for (const auto& [option, value] : dsn) {
    const auto given = options.find(option);
    if (given == options.end()) {
      options.emplace(option, value);
    } else if (given->second != value) {
      const bool secret = option == "password";
      throw UsageError("--" + option + (secret ? "" : " " + given->second) +
                       " conflicts with the DSN's " + (secret ? "password" : option + " " + value) +
                       ": give it once");
    }
  }
  return options;
}

bool looks_like_dsn(const char* arg) {
  return std::isalpha(static_cast<unsigned char>(arg[0])) && arg[1] == '=';
}

void hide_dsn_password(char* arg) {
  // Each part starts at the beginning or after a comma; a password runs to the next comma.
  for (char* part = arg; part != nullptr && *part != '\0';) {
    char* end = std::strchr(part, ',');
    if (part[0] == 'p' && part[1] == '=') {
      char* value = part + 2;
      std::memset(value, '*',
                  end != nullptr ? static_cast<std::size_t>(end - value) : std::strlen(value));
    }
    part = end != nullptr ? end + 1 : nullptr;
  }
}

}  // namespace oa::cli
