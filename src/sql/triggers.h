// Text of the three capture triggers that mirror writes on T into the shadow.
#pragma once

#include <string>
#include <vector>

namespace oa::sql {

struct TriggerSpec {
  std::string db;
  std::string table;   // T, where the triggers live
  std::string shadow;  // where they write
  std::string insert_trigger;
  std::string update_trigger;
  std::string delete_trigger;
  std::vector<std::string> source_columns;  // columns of T that are copied
  std::vector<std::string> target_columns;  // the shadow column for each, same position
  std::vector<std::string> key_source;      // T columns identifying a shadow row
  std::vector<std::string> key_target;      // the shadow's unique key columns
};

// AFTER INSERT: REPLACE the new row into the shadow.
std::string create_insert_trigger(const TriggerSpec& spec);
// AFTER UPDATE: if the key changed, delete the old key from the shadow; then
// REPLACE the new row.
std::string create_update_trigger(const TriggerSpec& spec);
// AFTER DELETE: delete the row's key from the shadow.
std::string create_delete_trigger(const TriggerSpec& spec);

}  // namespace oa::sql
