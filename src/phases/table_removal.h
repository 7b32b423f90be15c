// The removal of one table the tool created, as every cleanup does it.
#pragma once

#include <string>

#include "phases/cleanup_stack.h"
#include "phases/server_access.h"

namespace oa::phases {

// Registers on `cleanup` a DROP TABLE IF EXISTS of `db`.`table` on the
// cleanup session, with cleanup_policy()'s short lock waits; `what` names
// the table in messages ("change log", "old table").
void register_table_removal(ServerAccess& server, CleanupStack& cleanup, const std::string& what,
                            const std::string& db, const std::string& table);

}  // namespace oa::phases
