#include "support/spelling_writer.h"

#include <mysql_driver.h>

#include <stdexcept>

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
    threads_.emplace_back([this, raw = worker.get()] {
      // Connector/C++ (libmysqlclient) needs per-thread initialisation.
      sql::Driver* driver = sql::mysql::get_mysql_driver_instance();
      driver->threadInit();
      raw->run(stop_);
      driver->threadEnd();
    });
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
