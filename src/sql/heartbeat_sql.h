// Text of the statements around the heartbeat table: one row whose counter
// the tool raises on the primary and reads on each replica. Pure functions;
// values are placeholders.
#pragma once

#include <string>

namespace oa::sql {

// The heartbeat table with its one row (id 1, counter 0); two statements.
std::string create_heartbeat(const std::string& db, const std::string& table);
std::string seed_heartbeat(const std::string& db, const std::string& table);

// Placeholder: the new counter value.
std::string beat(const std::string& db, const std::string& table);

// The counter, as a replica has it.
std::string read_heartbeat(const std::string& db, const std::string& table);

}  // namespace oa::sql
