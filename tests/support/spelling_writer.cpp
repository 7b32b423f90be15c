#include "support/spelling_writer.h"

#include <stdexcept>

#include "support/client_thread.h"
#include "support/spelling_writer_thread.h"

namespace oa::test {

SpellingWriter::SpellingWriter(const TestServer& server, const TwinTables& tables,
                               const SpellingWriterOptions& options)
    : server_(server), options_(options) {
  if (options_.threads < 1) throw std::invalid_argument("SpellingWriter needs at least one thread");
  if (options_.key_numbers < 1) throw std::invalid_argument("SpellingWriter needs key numbers");
  for (int index = 0; index < options_.threads; ++index) {
    workers_.push_back(
        std::make_unique<SpellingWriterThread>(server_, tables, options_, index, counters_));
  }
  for (auto& worker : workers_) {
    threads_.push_back(client_thread([this, raw = worker.get()] { raw->run(stop_); }));
  }
}

SpellingWriter::~SpellingWriter() { stop(); }

void SpellingWriter::stop() {
  if (stopped_) return;
  stop_ = true;
  for (std::thread& thread : threads_) thread.join();
  stopped_ = true;
}

}  // namespace oa::test
