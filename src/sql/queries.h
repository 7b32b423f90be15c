// Text of the small read queries and lock calls the tool runs beside its
// DDL. Pure functions; values are placeholders.
#pragma once

#include <string>

namespace oa::sql {

// The table's CREATE TABLE text (second column).
std::string show_create_table(const std::string& db, const std::string& table);

// All rows of the table: one number.
std::string count_rows(const std::string& db, const std::string& table);

// The named server lock, taken without waiting: 1 when taken. Placeholder:
// the name.
std::string get_lock();
// 1 when this session holds the named lock. Placeholder: the name.
std::string lock_held_here();
// ID, USER, HOST and TIME of the session that holds the named lock, no row
// when none does. Placeholder: the name.
std::string lock_holder();

// EVENT_OBJECT_TABLE, EVENT_MANIPULATION, ACTION_TIMING and ACTION_STATEMENT
// of a trigger. Placeholders: the schema, the trigger's name.
std::string trigger_definition();

}  // namespace oa::sql
