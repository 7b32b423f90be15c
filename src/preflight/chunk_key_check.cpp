#include "plan/key_choice.h"
#include "preflight/checks.h"
#include "sql/quote.h"

namespace oa::preflight {

CheckResult check_chunk_key(const schema::TableInfo& table) {
  if (plan::choose_chunk_key(table)) return std::nullopt;
  return "table " + sql::qualified_name(table.database, table.name) +
         " has no PRIMARY KEY and no UNIQUE key on NOT NULL columns (without prefix parts, "
         "FLOAT, DOUBLE or BIT columns); the copy and the triggers need one to identify rows. "
         "Add a primary key first";
}

}  // namespace oa::preflight
