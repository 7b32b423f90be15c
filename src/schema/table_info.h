// What the tool knows of one table: columns, keys, triggers, foreign keys, size.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sql/foreign_keys.h"

namespace oa::schema {

struct Column {
  std::string name;
  std::string data_type;    // e.g. "int", "varchar"
  std::string column_type;  // e.g. "int(10) unsigned"
  bool nullable = false;
  bool generated = false;  // VIRTUAL or STORED: never written
  bool binary = false;     // compared byte by byte (binary strings, BLOB, BIT)
  std::string charset;     // of a text column; empty for others
  std::string collation;   // of a text column; empty for others
};

struct Index {
  std::string name;
  bool unique = false;
  bool has_prefix_part = false;  // e.g. KEY (c(16)): not usable to walk rows in order
  std::vector<std::string> columns;
};

// A trigger of the table, as information_schema describes it.
struct Trigger {
  std::string name;
  std::string event;    // INSERT, UPDATE, DELETE
  std::string timing;   // BEFORE, AFTER
  std::string body;     // ACTION_STATEMENT
  std::string definer;  // user@host
  std::string sql_mode;
};

struct TableInfo {
  std::string database;
  std::string name;
  std::string engine;
  std::vector<Column> columns;
  std::vector<Index> indexes;                  // PRIMARY first when present
  std::vector<Trigger> triggers;               // by event, timing, then the order they fire in
  std::vector<sql::ForeignKey> foreign_keys;   // constraints this table declares
  std::vector<sql::ForeignKey> referenced_by;  // other tables' constraints that point here
  std::uint64_t estimated_rows = 0;            // from statistics; may be off by a lot
  std::optional<std::uint64_t> auto_increment;

  // The column named `name` (case-insensitive, as the server compares them) or nullptr.
  const Column* column(const std::string& name) const;
  // The index named `name` or nullptr.
  const Index* index(const std::string& name) const;
  // True when every column of `index` is NOT NULL.
  bool all_not_null(const Index& index) const;
};

// What makes a server a bad place for trigger-based capture.
struct ServerRole {
  bool read_only = false;
  std::uint64_t replica_threads = 0;  // replication SQL threads running (MariaDB's SLAVES_RUNNING)
  bool wsrep_on = false;              // the session replicates through Galera (wsrep_on)
  std::string osu_method = "";        // the session's wsrep_OSU_method (TOI or RSU); "" off Galera
  std::uint64_t cluster_size = 0;     // wsrep_cluster_size; 0 off Galera
};

// True when two column names denote the same column (the server ignores case).
bool same_column_name(const std::string& a, const std::string& b);

}  // namespace oa::schema
