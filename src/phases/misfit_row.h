// When a chunk fails because a value does not fit the new schema, which row
// holds it: the server names the column, not the row.
#pragma once

#include <optional>

#include "db/connection.h"
#include "db/db_error.h"
#include "phases/chunker.h"
#include "sql/chunk_sql.h"

namespace oa::phases {

// True for the errors a value that does not fit its new column raises in
// strict mode: out of range, truncated, too long, NULL into NOT NULL, an
// invalid string or date, a failed CHECK constraint.
bool is_misfit_error(const db::DbError& e);

// The key of the first row in (lower, upper] whose copy fails with a misfit
// error, found by halving the range: each half is copied in a transaction
// that is rolled back. About `rows` rows are in the range. nullopt when no
// single row fails on its own.
std::optional<Key> find_misfit_row(db::Connection& c, Chunker& chunker, const sql::CopySpec& spec,
                                   std::optional<Key> lower, Key upper, std::uint64_t rows);

}  // namespace oa::phases
