#include "log.h"

#include <boost/log/core.hpp>
#include <boost/log/expressions.hpp>
#include <boost/log/sources/record_ostream.hpp>
#include <boost/log/sources/severity_logger.hpp>
#include <boost/log/support/date_time.hpp>
#include <boost/log/trivial.hpp>
#include <boost/log/utility/setup/common_attributes.hpp>
#include <boost/log/utility/setup/console.hpp>
#include <cstdio>
#include <iostream>

namespace oa::log {
namespace logging = boost::log;
namespace expr = boost::log::expressions;
using Severity = logging::trivial::severity_level;

namespace {

bool debug_on = false;

std::string one_decimal(double value, const char* unit) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f %s", value, unit);
  return buf;
}

void write(Severity severity, const std::string& message) {
  BOOST_LOG_SEV(logging::trivial::logger::get(), severity) << message;
}

}  // namespace

void init(int verbosity) {
  logging::add_common_attributes();
  logging::add_console_log(
      std::clog,
      logging::keywords::format =
          (expr::stream << expr::format_date_time<boost::posix_time::ptime>("TimeStamp",
                                                                            "%Y-%m-%d %H:%M:%S.%f")
                        << " " << logging::trivial::severity << ": " << expr::smessage),
      logging::keywords::auto_flush = true);
  const Severity floor = verbosity <= 0   ? Severity::warning
                         : verbosity == 1 ? Severity::info
                                          : Severity::debug;
  logging::core::get()->set_filter(logging::trivial::severity >= floor);
  debug_on = floor == Severity::debug;
}

bool debug_enabled() { return debug_on; }

void debug(const std::string& message) { write(Severity::debug, message); }
void info(const std::string& message) { write(Severity::info, message); }
void warning(const std::string& message) { write(Severity::warning, message); }
void error(const std::string& message) { write(Severity::error, message); }

std::string seconds_text(double seconds) { return one_decimal(seconds, "s"); }
std::string ms_text(double ms) { return one_decimal(ms, "ms"); }

}  // namespace oa::log
