#include "hooks/hook_environment.h"

#include <algorithm>
#include <cstdio>

extern char** environ;

namespace oa::hooks {
namespace {

// A password this short occurs by chance in ordinary values (PATH, LANG); it
// is then only looked for as a whole value.
constexpr std::size_t kShortPassword = 4;

std::string name_of(const std::string& entry) { return entry.substr(0, entry.find('=')); }

bool carries(const std::string& entry, const std::string& password) {
  if (password.empty()) return false;
  const auto eq = entry.find('=');
  const std::string value = eq == std::string::npos ? "" : entry.substr(eq + 1);
  if (password.size() < kShortPassword) return value == password;
  return value.find(password) != std::string::npos;
}

std::string whole_seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", seconds);
  return text;
}

}  // namespace

Variables hook_variables(const std::string& event, const status::RunIdentity& run,
                         const status::StatusSnapshot& now, const std::optional<RunEnd>& end) {
  Variables v = {{"OA_HOOK_EVENT", event},
                 {"OA_DATABASE", run.database},
                 {"OA_TABLE", run.table},
                 {"OA_ALTER", run.alter},
                 {"OA_MODE", run.mode},
                 {"OA_PHASE", status::phase_name(now.phase)},
                 {"OA_ROWS_COPIED", std::to_string(now.rows_copied)},
                 {"OA_ESTIMATED_ROWS", std::to_string(now.estimated_rows)},
                 {"OA_CHUNKS", std::to_string(now.chunks)},
                 {"OA_ELAPSED_SECONDS", whole_seconds(now.elapsed_seconds)}};
  if (end) {
    v.push_back({"OA_EXIT_CODE", std::to_string(end->exit_code)});
    v.push_back({"OA_OUTCOME", status::outcome_name(end->exit_code)});
    v.push_back({"OA_ERROR", end->error});
  }
  return v;
}

std::vector<std::string> hook_environment(const std::vector<std::string>& inherited,
                                          const Variables& variables, const std::string& password) {
  std::vector<std::string> out;
  for (const std::string& entry : inherited) {
    const std::string name = name_of(entry);
    const bool replaced = std::any_of(variables.begin(), variables.end(),
                                      [&](const auto& v) { return v.first == name; });
    if (name == "MYSQL_PWD" || replaced || carries(entry, password)) continue;
    out.push_back(entry);
  }
  for (const auto& [name, value] : variables) out.push_back(name + "=" + value);
  return out;
}

std::vector<std::string> current_environment() {
  std::vector<std::string> entries;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) entries.emplace_back(*e);
  return entries;
}

}  // namespace oa::hooks
