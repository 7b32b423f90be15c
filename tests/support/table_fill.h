// Creates a test table and fills it with its first rows, before any Writer or
// migration starts.
#pragma once

#include <cstdint>
#include <string>

#include "support/table_spec.h"

namespace sql {
class Connection;
}  // namespace sql

namespace oa::test {

// Runs spec's CREATE TABLE for `database`.`table`. Throws sql::SQLException.
void create_table(sql::Connection& connection, const TableSpec& spec, const std::string& database,
                  const std::string& table);

// Inserts `rows` rows with keys n = 0 .. rows-1 and random column values
// (deterministic for a given `seed`), in multi-row INSERTs. Throws sql::SQLException.
void fill_table(sql::Connection& connection, const TableSpec& spec, const std::string& database,
                const std::string& table, std::uint64_t rows, std::uint64_t seed = 7);

}  // namespace oa::test
