// One line per event on stderr, through Boost.Log: plain text with a
// timestamp, or (--log-format json) one JSON object per line. Never pass
// passwords or row data.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace oa::log {

enum class Format { kText, kJson };
enum class Level { kDebug, kInfo, kWarning, kError };

// A named value an event carries: what a JSON line shows as a member and what
// an observer (the status board) reads.
struct Field {
  std::string key;
  std::variant<std::string, std::uint64_t, std::int64_t, double, bool> value;
};
using Fields = std::vector<Field>;

// Sets up the stderr sink: verbosity 0 = warnings and errors only, 1 = info,
// 2 = debug.
void init(int verbosity, Format format = Format::kText);

// False unless --verbose: lets a caller skip building a debug message on a
// hot path (every statement is timed and logged at this level).
bool debug_enabled();
bool json_enabled();

// An event named `name` ("phase", "throttle", "retry", ...). Shown when
// `level` passes the verbosity: in text as `message` (nothing when it is
// empty), in JSON as {"time","level","event","message", fields...}. Every
// observer sees every event, whatever its level.
void event(Level level, std::string_view name, const std::string& message,
           const Fields& fields = {});

// Events named "message": the plain log lines.
void debug(const std::string& message);
void info(const std::string& message);
void warning(const std::string& message);
void error(const std::string& message);

// Called, under the log's lock, for each event; must be quick and must not log.
using Observer = std::function<void(std::string_view name, const Fields& fields)>;
void add_observer(Observer observer);
void clear_observers();

// On a terminal (text format only): shows `text` as the last line of stderr,
// rewritten in place; log lines print above it. Empty `text` removes it.
// Returns false, doing nothing, when stderr is not a terminal, in JSON, or
// with --quiet.
bool show_status_line(const std::string& text);
bool status_line_possible();

// Writes `text` to stdout, moving a status line out of its way first. In
// JSON, logs it as an "output" event instead: the summary carries it.
void write_stdout(const std::string& text);

// The value of field `key` in `fields`, or `otherwise`.
template <typename T>
T field_or(const Fields& fields, std::string_view key, T otherwise) {
  for (const auto& f : fields) {
    if (f.key == key) {
      if (const T* v = std::get_if<T>(&f.value)) return *v;
    }
  }
  return otherwise;
}

// Durations as log lines show them, with one decimal: "2.5 s", "13.4 ms".
std::string seconds_text(double seconds);
std::string ms_text(double ms);

}  // namespace oa::log
