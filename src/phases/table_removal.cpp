#include "phases/table_removal.h"

#include "db/lock_retry.h"
#include "sql/ddl.h"
#include "sql/quote.h"

namespace oa::phases {

void register_table_removal(ServerAccess& server, CleanupStack& cleanup, const std::string& what,
                            const std::string& db, const std::string& table) {
  cleanup.push(what + " " + sql::qualified_name(db, table), [&server, what, db, table] {
    db::Connection& c = server.cleanup();
    db::with_lock_retries(c, server.cleanup_policy(), "drop the " + what,
                          [&] { c.execute(sql::drop_table_if_exists(db, table)); });
  });
}

}  // namespace oa::phases
