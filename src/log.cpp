#include "log.h"

#include <unistd.h>

#include <boost/log/core.hpp>
#include <boost/log/expressions.hpp>
#include <boost/log/sources/record_ostream.hpp>
#include <boost/log/sources/severity_logger.hpp>
#include <boost/log/support/date_time.hpp>
#include <boost/log/trivial.hpp>
#include <boost/log/utility/setup/common_attributes.hpp>
#include <boost/log/utility/setup/console.hpp>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <mutex>

#include "status/json.h"

namespace oa::log {
namespace logging = boost::log;
namespace expr = boost::log::expressions;
using Severity = logging::trivial::severity_level;

namespace {

// Everything that writes to stderr takes this lock, so that a status line
// is cleared before a log line and drawn again after it.
std::mutex& lock() {
  static std::mutex m;
  return m;
}
bool debug_on = false;
Format format_in_use = Format::kText;
Severity floor_level = Severity::info;
std::vector<Observer>& observers() {
  static std::vector<Observer> list;
  return list;
}
std::string status_text;  // shown on the terminal now; empty when none

std::string one_decimal(double value, const char* unit) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f %s", value, unit);
  return buf;
}

Severity severity_of(Level level) {
  switch (level) {
    case Level::kDebug:
      return Severity::debug;
    case Level::kInfo:
      return Severity::info;
    case Level::kWarning:
      return Severity::warning;
    case Level::kError:
      return Severity::error;
  }
  return Severity::error;
}

const char* level_name(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarning:
      return "warning";
    case Level::kError:
      return "error";
  }
  return "error";
}

// UTC with milliseconds, as JSON consumers expect: 2026-12-04T17:40:00.123Z.
std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) %
                  std::chrono::milliseconds(1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[80];  // room for any int the compiler can imagine in each field
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms.count()));
  return text;
}

std::string json_line(Level level, std::string_view name, const std::string& message,
                      const Fields& fields) {
  status::JsonObject line;
  line.add("time", utc_now()).add("level", level_name(level)).add("event", name);
  if (!message.empty()) line.add("message", message);
  return line.merge(status::to_json(fields)).text();
}

void draw_status_line() {
  if (!status_text.empty()) std::clog << "\r" << status_text << "\x1b[K" << std::flush;
}

void clear_status_line() {
  if (!status_text.empty()) std::clog << "\r\x1b[K" << std::flush;
}

}  // namespace

void init(int verbosity, Format format) {
  format_in_use = format;
  logging::add_common_attributes();
  auto text_format = expr::stream << expr::format_date_time<boost::posix_time::ptime>(
                                         "TimeStamp", "%Y-%m-%d %H:%M:%S.%f")
                                  << " " << logging::trivial::severity << ": " << expr::smessage;
  // A JSON line carries its own time and level.
  if (format == Format::kJson) {
    logging::add_console_log(std::clog, logging::keywords::format = expr::stream << expr::smessage,
                             logging::keywords::auto_flush = true);
  } else {
    logging::add_console_log(std::clog, logging::keywords::format = text_format,
                             logging::keywords::auto_flush = true);
  }
  floor_level = verbosity <= 0   ? Severity::warning
                : verbosity == 1 ? Severity::info
                                 : Severity::debug;
  logging::core::get()->set_filter(logging::trivial::severity >= floor_level);
  debug_on = floor_level == Severity::debug;
}

bool debug_enabled() { return debug_on; }
bool json_enabled() { return format_in_use == Format::kJson; }

void event(Level level, std::string_view name, const std::string& message, const Fields& fields) {
  std::lock_guard<std::mutex> guard(lock());
  for (const auto& observe : observers()) observe(name, fields);
  const Severity severity = severity_of(level);
  if (severity < floor_level) return;
  if (format_in_use == Format::kText && message.empty()) return;
  clear_status_line();
  BOOST_LOG_SEV(logging::trivial::logger::get(), severity)
      << (format_in_use == Format::kJson ? json_line(level, name, message, fields) : message);
  draw_status_line();
}

void debug(const std::string& message) { event(Level::kDebug, "message", message); }
void info(const std::string& message) { event(Level::kInfo, "message", message); }
void warning(const std::string& message) { event(Level::kWarning, "message", message); }
void error(const std::string& message) { event(Level::kError, "message", message); }

void add_observer(Observer observer) {
  std::lock_guard<std::mutex> guard(lock());
  observers().push_back(std::move(observer));
}

void clear_observers() {
  std::lock_guard<std::mutex> guard(lock());
  observers().clear();
}

bool status_line_possible() {
  // --quiet asks for warnings and errors only: no status line either.
  return format_in_use == Format::kText && floor_level <= Severity::info &&
         isatty(STDERR_FILENO) == 1;
}

bool show_status_line(const std::string& text) {
  if (!status_line_possible()) return false;
  std::lock_guard<std::mutex> guard(lock());
  clear_status_line();
  status_text = text;
  draw_status_line();
  return true;
}

void write_stdout(const std::string& text) {
  if (format_in_use == Format::kJson) {
    // Standard output holds only the summary, which carries this text.
    event(Level::kDebug, "output", "", {{"text", text}});
    return;
  }
  std::lock_guard<std::mutex> guard(lock());
  clear_status_line();
  std::cout << text << std::flush;
  draw_status_line();
}

std::string seconds_text(double seconds) { return one_decimal(seconds, "s"); }
std::string ms_text(double ms) { return one_decimal(ms, "ms"); }

}  // namespace oa::log
