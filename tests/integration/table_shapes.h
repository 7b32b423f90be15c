// The table shapes the integration tests migrate, each a TableSpec the Writer
// can write to and the comparison can check.
#pragma once

#include <string>

#include "support/table_spec.h"

namespace oa::test {

// id BIGINT AUTO_INCREMENT PRIMARY KEY, a secondary index on k, text columns.
TableSpec integer_key_shape();

// PRIMARY KEY (a INT, b VARCHAR(32)); b sorts as text ("b10" < "b2").
TableSpec composite_key_shape();

// PRIMARY KEY code VARCHAR(64) in utf8mb4_general_ci with mixed-case keys
// whose case-insensitive order differs from their byte order.
TableSpec case_insensitive_key_shape();

// No PRIMARY KEY; UNIQUE KEY uk (u BIGINT NOT NULL) identifies the rows.
TableSpec unique_key_only_shape();

// One column of almost every type: integers, DECIMAL, FLOAT, DOUBLE, temporal
// types with fractions, CHAR/VARCHAR/TEXT with emoji, BLOB/VARBINARY with 0x00
// bytes, JSON, ENUM, SET, BIT(13); nullable ones get NULLs.
TableSpec wide_shape();

// Column names with spaces, backticks, reserved words and non-ASCII letters.
TableSpec awkward_names_shape();

// The column names awkward_names_shape() uses for its key and for one of its
// other columns.
std::string awkward_key_column();

// id INT PRIMARY KEY, v VARCHAR(40) NOT NULL holding 20-character values, w INT.
TableSpec twenty_character_shape();

// id BIGINT PRIMARY KEY, email VARCHAR(60) NOT NULL whose values are unique
// (a random 64-bit number in each) without a key saying so, k INT NOT NULL.
TableSpec unique_email_shape();

// id BIGINT PRIMARY KEY, n INT and c VARCHAR(40) written by the Writer, and
// two generated columns over them: n_plus = n + 1 (VIRTUAL, indexed) and
// c_reversed = REVERSE(c) (STORED).
TableSpec generated_columns_shape();

// A column of every type the server has (every_type_shape.cpp).
TableSpec every_type_shape();

}  // namespace oa::test
