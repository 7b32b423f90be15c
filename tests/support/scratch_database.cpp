#include "support/scratch_database.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <unistd.h>

#include <atomic>
#include <iostream>

#include "support/sql_text.h"
#include "support/text_query.h"

namespace oa::test {
namespace {

std::atomic<int> next_counter{0};

}  // namespace

ScratchDatabase::ScratchDatabase(const TestServer& server, const std::string& label)
    : server_(server),
      name_(label + "_" + std::to_string(getpid()) + "_" + std::to_string(next_counter++)) {
  auto connection = server_.connect();
  // A leftover from a crashed run with the same pid would make CREATE fail.
  execute_sql(*connection, "DROP DATABASE IF EXISTS " + quote_identifier(name_));
  execute_sql(*connection, "CREATE DATABASE " + quote_identifier(name_) +
                               " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci");
}

ScratchDatabase::~ScratchDatabase() {
  try {
    auto connection = server_.connect();
    execute_sql(*connection, "DROP DATABASE IF EXISTS " + quote_identifier(name_));
  } catch (const std::exception& e) {
    std::cerr << "warning: could not drop database " << printable(name_, 80) << ": " << e.what()
              << "\n";
  }
}

}  // namespace oa::test
