#include "support/spelling_writer_stats.h"

#include <map>
#include <sstream>

namespace oa::test {
namespace {

std::size_t index_of(SpellingOperation operation) { return static_cast<std::size_t>(operation); }

}  // namespace

const char* describe(SpellingOperation operation) {
  switch (operation) {
    case SpellingOperation::kInsert:
      return "insert";
    case SpellingOperation::kDelete:
      return "delete";
    case SpellingOperation::kUpdateValue:
      return "update v";
    case SpellingOperation::kRespell:
      return "respell";
    case SpellingOperation::kRespace:
      return "respace";
  }
  return "?";
}

std::uint64_t SpellingWriterStats::changes_of(SpellingOperation operation) const {
  return changes[index_of(operation)];
}

std::uint64_t SpellingWriterStats::spelling_changes() const {
  return changes_of(SpellingOperation::kRespell) + changes_of(SpellingOperation::kRespace);
}

SpellingWriterStats SpellingWriterStats::since(const SpellingWriterStats& earlier) const {
  SpellingWriterStats delta = *this;
  delta.transactions.commits -= earlier.transactions.commits;
  delta.transactions.errors -= earlier.transactions.errors;
  std::map<int, std::uint64_t>& codes = delta.transactions.errors_by_code;
  for (const auto& [code, count] : earlier.transactions.errors_by_code) {
    auto now = codes.find(code);
    if (now == codes.end()) continue;
    now->second -= count;
    if (now->second == 0) codes.erase(now);
  }
  for (std::size_t i = 0; i < kSpellingOperationCount; ++i) delta.changes[i] -= earlier.changes[i];
  return delta;
}

std::string SpellingWriterStats::summary() const {
  std::ostringstream text;
  text << "changed rows:";
  for (std::size_t i = 0; i < kSpellingOperationCount; ++i) {
    text << (i == 0 ? " " : ", ") << describe(static_cast<SpellingOperation>(i)) << " "
         << changes[i];
  }
  text << "; transactions: " << transactions.summary();
  return text.str();
}

void SpellingWriterCounters::add_commit(SpellingOperation operation, bool changed) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.transactions.commits;
  if (changed) ++stats_.changes[index_of(operation)];
}

void SpellingWriterCounters::add_error(int code, const std::string& message) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++stats_.transactions.errors;
  if (stats_.transactions.errors_by_code[code]++ == 0) {
    stats_.transactions.first_errors.push_back(std::to_string(code) + ": " + message);
  }
}

SpellingWriterStats SpellingWriterCounters::snapshot() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

}  // namespace oa::test
