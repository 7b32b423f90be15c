// The sysbench-like table write_load prepares and writes to:
//   T (id BIGINT NOT NULL PRIMARY KEY, k INT NOT NULL, c CHAR(120) NOT NULL,
//      pad CHAR(60) NOT NULL, KEY k(k))
// Row n has id n + 1, as sysbench numbers its rows from 1.
#pragma once

#include <cstdint>
#include <string>

#include "support/table_spec.h"

namespace sql {
class Connection;
}  // namespace sql

namespace oa::test {

// The spec of the table; new values of k fall in [1, k_range].
TableSpec sysbench_table_spec(std::uint64_t k_range);

// Creates `database` if needed, replaces `table` with an empty sysbench-like
// table and fills it with ids 1..rows server-side (MariaDB's SEQUENCE engine,
// RAND()-based text), in batches. Throws sql::SQLException.
void prepare_sysbench_table(sql::Connection& connection, const std::string& database,
                            const std::string& table, std::uint64_t rows);

}  // namespace oa::test
