#include "phases/table_guard.h"

#include <algorithm>
#include <sstream>

#include "error.h"
#include "phases/checkpoint.h"
#include "schema/table_inspector.h"
#include "sql/quote.h"

namespace oa::phases {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string trimmed(const std::string& line) {
  const auto first = line.find_first_not_of(' ');
  return first == std::string::npos ? "" : line.substr(first);
}

std::string joined(const std::vector<std::string>& lines, std::size_t from, std::size_t to) {
  std::string text;
  for (std::size_t i = from; i < to; ++i) {
    text += (text.empty() ? "" : " ") + trimmed(lines[i]);
  }
  if (!text.empty() && text.back() == ',') text.pop_back();
  return "\"" + text + "\"";
}

// The lines between the common beginning and the common end: "X became Y",
// "X was added" or "X was removed".
std::string definition_change(const std::string& then, const std::string& now) {
  const auto a = lines_of(then);
  const auto b = lines_of(now);
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) {
    ++tail;
  }
  const std::string before = joined(a, head, a.size() - tail);
  const std::string after = joined(b, head, b.size() - tail);
  std::string what;
  if (head + tail == a.size()) {
    what = after + " was added";
  } else if (head + tail == b.size()) {
    what = before + " was removed";
  } else {
    what = before + " became " + after;
  }
  return "its definition changed: " + what;
}

const schema::Trigger* find(const std::vector<schema::Trigger>& triggers, const std::string& name) {
  for (const auto& t : triggers) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

bool same(const schema::Trigger& a, const schema::Trigger& b) {
  return a.name == b.name && a.event == b.event && a.timing == b.timing && a.body == b.body &&
         a.definer == b.definer && a.sql_mode == b.sql_mode;
}

std::optional<std::string> trigger_change(const std::vector<schema::Trigger>& then,
                                          const std::vector<schema::Trigger>& now) {
  std::vector<std::string> changes;
  for (const auto& t : now) {
    const schema::Trigger* before = find(then, t.name);
    if (before == nullptr) {
      changes.push_back("trigger " + sql::quote_identifier(t.name) + " was created");
    } else if (!same(*before, t)) {
      changes.push_back("trigger " + sql::quote_identifier(t.name) + " was changed");
    }
  }
  for (const auto& t : then) {
    if (find(now, t.name) == nullptr) {
      changes.push_back("trigger " + sql::quote_identifier(t.name) + " was dropped");
    }
  }
  if (changes.empty() && !std::equal(then.begin(), then.end(), now.begin(), now.end(), same)) {
    changes.push_back("its triggers fire in another order");
  }
  if (changes.empty()) return std::nullopt;
  std::string text;
  for (const auto& c : changes) text += (text.empty() ? "" : ", ") + c;
  return text;
}

}  // namespace

TableState table_state(db::Connection& c, const plan::MigrationPlan& plan) {
  TableState state;
  state.definition = table_definition(c, plan.database, plan.table);
  for (auto& t : schema::TableInspector(c).triggers_of(plan.database, plan.table)) {
    if (!plan::is_capture_trigger(plan.names, t.name)) state.own_triggers.push_back(std::move(t));
  }
  return state;
}

std::optional<std::string> table_change(const TableState& then, const TableState& now) {
  if (then.definition != now.definition) return definition_change(then.definition, now.definition);
  return trigger_change(then.own_triggers, now.own_triggers);
}

void check_table_unchanged(db::Connection& c, const plan::MigrationPlan& plan,
                           const TableState& then) {
  const auto change = table_change(then, table_state(c, plan));
  if (!change) return;
  throw Error(ExitCode::kMigrationFailed,
              sql::qualified_name(plan.database, plan.table) +
                  " was changed by another session while the run copied it: " + *change +
                  ". The new table would not have that change, so the run stops. Run the "
                  "migration again once no one else alters the table or its triggers");
}

}  // namespace oa::phases
