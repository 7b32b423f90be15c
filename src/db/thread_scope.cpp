#include "db/thread_scope.h"

#include <mysql_driver.h>

namespace oa::db {

ThreadScope::ThreadScope() { sql::mysql::get_mysql_driver_instance()->threadInit(); }

ThreadScope::~ThreadScope() { sql::mysql::get_mysql_driver_instance()->threadEnd(); }

}  // namespace oa::db
