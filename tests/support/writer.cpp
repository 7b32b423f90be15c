#include "support/writer.h"

#include <stdexcept>

#include "support/client_thread.h"
#include "support/writer_thread.h"

namespace oa::test {

Writer::Writer(const TestServer& server, const TableSpec& spec, const std::string& database,
               const std::string& table, Record initial, WriterOptions options)
    : server_(server), spec_(spec) {
  if (options.threads < 1) throw std::invalid_argument("Writer needs at least one thread");
  // Round-robin over the record's order: any fixed split works, as long as each
  // row belongs to exactly one thread.
  std::vector<Record> shares(static_cast<std::size_t>(options.threads));
  std::size_t i = 0;
  for (const auto& [key, row] : initial.rows()) {
    shares[i++ % shares.size()].put(key, row);
  }
  initial = Record();  // one copy of a large table at a time
  for (int index = 0; index < options.threads; ++index) {
    WriterThreadConfig config;
    config.index = index;
    config.thread_count = options.threads;
    config.first_new_n = options.first_new_n;
    config.rate = options.rate / options.threads;
    config.seed = options.seed;
    workers_.push_back(std::make_unique<WriterThread>(
        server_, spec_, database, table, std::move(shares[static_cast<std::size_t>(index)]), config,
        counters_));
  }
  for (auto& worker : workers_) {
    threads_.push_back(client_thread([this, raw = worker.get()] { raw->run(stop_); }));
  }
}

Writer::~Writer() { stop(); }

void Writer::stop() {
  if (stopped_) return;
  stop_ = true;
  for (std::thread& thread : threads_) thread.join();
  stopped_ = true;
}

WriterStats Writer::stats() const { return counters_.snapshot(); }

bool Writer::wait_for_commits(std::uint64_t commits, std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (counters_.snapshot().commits < commits) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

Record Writer::record() const {
  if (!stopped_) throw std::logic_error("Writer::record() before stop()");
  Record all;
  for (const auto& worker : workers_) all.merge(worker->record());
  return all;
}

}  // namespace oa::test
