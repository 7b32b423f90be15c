// Text of the statements the verification reads with: one key range of the
// original and the same range of the other table, every compared column
// presented so that equal values read the same from both, and the keys the
// change log holds in that range. Pure functions; values are placeholders.
#pragma once

#include <string>
#include <vector>

namespace oa::sql {

// A column as information_schema describes it.
struct ColumnType {
  std::string name;
  std::string data_type;    // e.g. "int"
  std::string column_type;  // e.g. "int(10) unsigned"
};

// The expressions that read a column of the original and its counterpart.
struct ComparedColumn {
  std::string source;
  std::string target;
};

// How to read `source` and `target` so that equal values compare equal and
// different ones differ. Strings and byte strings are read as they are
// (strings reach the client in the connection's utf8mb4 either way, so a
// charset change reads the same); everything else as the server's own text,
// FLOAT as DOUBLE (its text keeps only 6 digits). When the types differ, both
// are first converted to one type: integers and decimals to DECIMAL(65,30),
// other numbers to DOUBLE, dates and times to DATETIME(6) or TIME(6), byte
// strings stay bytes (BINARY(n) without its zero padding), anything else
// becomes utf8mb4 text. A value the ALTER changes by design (INT to BIGINT,
// DATETIME to DATETIME(3)) thus compares by value.
ComparedColumn compare_as(const ColumnType& source, const ColumnType& target);

// One side of the comparison: a table, the index to read it along and its key
// columns (in the chunk key's order), and what to read of each row.
struct VerifiedSide {
  std::string table;
  std::string index;
  std::vector<std::string> key;
  std::vector<std::string> expressions;  // ComparedColumn::source or ::target
  // The key as the original compares it, for the range and the logged keys
  // (key_collation.h); empty: the key columns as they are.
  std::vector<std::string> key_forms;
};

// The change log whose keys are left out of a comparison: its table and its
// key columns (the original's).
struct LoggedKeys {
  std::string change_log;
  std::vector<std::string> key;
};

// The key columns, a flag, then the expressions, of the rows with lower < key
// <= upper in `side`; without a lower bound when `has_lower` is false,
// without an upper bound when `has_upper` is false. The flag is 1 when
// `logged` holds the row's key in that range, as the original compares keys
// (the server decides, so spellings its collation calls equal match), else 0;
// always 0 without `logged`. Placeholders: the lower bound, the upper, once
// for the logged keys (when `logged`) and once for the rows.
std::string rows_in_range(const std::string& db, const VerifiedSide& side, bool has_lower,
                          bool has_upper, const LoggedKeys* logged = nullptr);

// Deletes the rows of `table` in the same range, for copying the range again;
// `key_forms` as in VerifiedSide, but never empty.
std::string delete_rows_in_range(const std::string& db, const std::string& table,
                                 const std::vector<std::string>& key_forms, bool has_lower,
                                 bool has_upper);

}  // namespace oa::sql
