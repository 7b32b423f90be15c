// Describes a test table to the Writer, the initial fill and the comparison:
// its CREATE TABLE text, its key and how to generate values for every column.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "support/row.h"

namespace oa::test {

// Produces a random value (nullopt for NULL) in the text form the server accepts.
using ValueGenerator = std::function<Value(std::mt19937_64&)>;

// A column that is not part of the key.
struct ColumnSpec {
  std::string name;
  ValueGenerator generate;
  // The SQL for the value in INSERT and UPDATE, with one "?", e.g.
  // "CAST(? AS UNSIGNED)" for BIT, whose value cannot be sent as a string.
  std::string placeholder = "?";
  // Bound with setBlob so every byte (0x00 included) arrives unchanged.
  bool binary = false;
  // How the value is read back, "%" standing for the quoted column, e.g.
  // "ST_AsText(%)" for a geometry, whose value Connector/C++ cannot fetch;
  // empty: the column itself.
  std::string read_as = "";
};

// A column of the key the Writer addresses rows by (the primary key, or a NOT
// NULL unique key when there is none).
struct KeyColumnSpec {
  std::string name;
  // The value for unique number n; the whole key must differ for different n.
  std::function<std::string(std::uint64_t n)> generate;
  // Compared as a string; otherwise the value must be a decimal integer.
  bool text = false;
  // The column's collation ignores letter case: records match rows with the key
  // in lower case. Keys of different n must then differ in more than ASCII case.
  bool case_insensitive = false;
};

struct TableSpec {
  // CREATE TABLE text in which "{table}" stands for the qualified table name.
  std::string create_template;
  std::vector<KeyColumnSpec> key;
  std::vector<ColumnSpec> columns;

  // The CREATE TABLE statement for `qualified_table` (already quoted).
  std::string create_statement(const std::string& qualified_table) const;

  // Key column names, then the other columns' names: the order of a Row.
  std::vector<std::string> column_names() const;

  // The key values of unique number n.
  std::vector<std::string> key_for(std::uint64_t n) const;

  // The identity of a row in a Record: its key values (the first key.size()
  // values of `row`), lower-cased where the key ignores case.
  std::string record_key(const Row& row) const;

  // Record key of key values (as returned by key_for).
  std::string record_key_of(const std::vector<std::string>& key_values) const;

  // "name=value, ..." for the key columns of `row`, for messages.
  std::string describe_key(const Row& row) const;

  // A WHERE condition matching the row with these key values, with each value
  // written as a literal (for the text protocol).
  std::string key_condition_literal(const std::vector<std::string>& key_values) const;
};

}  // namespace oa::test
