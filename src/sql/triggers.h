// Text of the three capture triggers. They record only which rows changed:
// each appends the changed row's key to the change log, and the tool copies the
// row itself later. A trigger that writes whole rows into the shadow makes
// clients take gap locks there and deadlock with each other (measured: 1-3
// client deadlocks per 1M-row sysbench run); an append to a log ordered by an
// AUTO_INCREMENT key takes no lock another client waits for, and costs less.
#pragma once

#include <string>
#include <vector>

namespace oa::sql {

struct TriggerSpec {
  std::string db;
  std::string table;       // T, where the triggers live
  std::string change_log;  // where they append
  std::string insert_trigger;
  std::string update_trigger;
  std::string delete_trigger;
  std::vector<std::string> key_columns;  // T's chunk key, also the log's columns
};

// AFTER INSERT: log the new key.
std::string create_insert_trigger(const TriggerSpec& spec);
// AFTER UPDATE: log the new key, and the old one too when the key changed.
std::string create_update_trigger(const TriggerSpec& spec);
// AFTER DELETE: log the old key.
std::string create_delete_trigger(const TriggerSpec& spec);

}  // namespace oa::sql
