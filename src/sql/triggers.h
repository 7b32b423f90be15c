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
  // The table's own AFTER trigger that fires first, per event (empty: none).
  // The capture trigger of that event is created to PRECEDE it: MariaDB 10.11
  // does not re-prepare a statement prepared before a trigger was added
  // after an existing one, so that statement's capture trigger would find no
  // change log (error 1146). Created before it, it does. Key logging does not
  // care which AFTER trigger fires first: none of them can change the row.
  std::string first_after_insert;
  std::string first_after_update;
  std::string first_after_delete;
  // Per key column: true where the shadow collates it otherwise than T
  // (key_collation.h). A new spelling of such a key ('abc' to 'ABC') logs the
  // old spelling too, which the shadow may hold as a row of its own.
  std::vector<bool> spelling_matters;
};

struct CaptureTrigger {
  std::string name;
  std::string event;     // INSERT, UPDATE or DELETE; always AFTER
  std::string body;      // what information_schema.TRIGGERS.ACTION_STATEMENT shows
  std::string precedes;  // the trigger it must fire before, or empty
};

// AFTER INSERT logs the new key; AFTER UPDATE the new key, and the old one
// too when the key changed (its bytes, where the spelling matters); AFTER
// DELETE the old key. In that order.
std::vector<CaptureTrigger> capture_triggers(const TriggerSpec& spec);

// CREATE TRIGGER for one of them.
std::string create_trigger(const TriggerSpec& spec, const CaptureTrigger& trigger);

// One of the table's own triggers, to be created again on another table.
struct OwnTrigger {
  std::string name;
  std::string timing;   // BEFORE or AFTER
  std::string event;    // INSERT, UPDATE or DELETE
  std::string body;     // as information_schema shows it
  std::string definer;  // user@host, as information_schema shows it
};

// CREATE DEFINER=`user`@`host` TRIGGER db.name timing event ON db.table FOR
// EACH ROW body. The body is the table owner's SQL, passed on as it is.
std::string create_own_trigger(const std::string& db, const std::string& table,
                               const OwnTrigger& trigger);

}  // namespace oa::sql
