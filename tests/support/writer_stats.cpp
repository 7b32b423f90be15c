#include "support/writer_stats.h"

#include <sstream>

namespace oa::test {
namespace {

constexpr std::size_t kKeptErrorMessages = 5;  // enough to see the kinds without flooding

}  // namespace

std::uint64_t WriterStats::errors_except(const std::set<int>& codes) const {
  std::uint64_t count = 0;
  for (const auto& [code, n] : errors_by_code) {
    if (codes.count(code) == 0) count += n;
  }
  return count;
}

std::string WriterStats::summary() const {
  std::ostringstream text;
  text << commits << " committed, " << rollbacks << " rolled back, " << errors << " errors";
  if (!errors_by_code.empty()) {
    text << " (";
    bool first = true;
    for (const auto& [code, n] : errors_by_code) {
      text << (first ? "" : ", ") << "code " << code << " x" << n;
      first = false;
    }
    text << ")";
  }
  for (const std::string& message : first_errors) text << "\n  " << message;
  return text.str();
}

void WriterCounters::add_commit() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.commits;
}

void WriterCounters::add_rollback() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.rollbacks;
}

void WriterCounters::add_error(int code, const std::string& message) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.errors;
  ++stats_.errors_by_code[code];
  if (stats_.first_errors.size() < kKeptErrorMessages) {
    stats_.first_errors.push_back(std::to_string(code) + ": " + message);
  }
}

WriterStats WriterCounters::snapshot() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

}  // namespace oa::test
