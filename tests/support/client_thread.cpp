#include "support/client_thread.h"

#include <mysql_driver.h>

#include <utility>

namespace oa::test {

std::thread client_thread(std::function<void()> body) {
  return std::thread([body = std::move(body)] {
    sql::Driver* driver = sql::mysql::get_mysql_driver_instance();
    driver->threadInit();
    body();
    driver->threadEnd();
  });
}

}  // namespace oa::test
