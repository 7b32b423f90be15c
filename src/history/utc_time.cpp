#include "history/utc_time.h"

#include <cstdio>
#include <ctime>

namespace oa::history {

std::string utc_text(std::chrono::system_clock::time_point t) {
  const auto since_epoch =
      std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch());
  auto seconds = static_cast<std::time_t>(since_epoch.count() / 1000000);
  auto micros = since_epoch.count() % 1000000;
  if (micros < 0) {
    micros += 1000000;
    --seconds;
  }
  std::tm parts{};
  ::gmtime_r(&seconds, &parts);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d.%06ld", parts.tm_year + 1900,
                parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
                static_cast<long>(micros));
  return text;
}

}  // namespace oa::history
