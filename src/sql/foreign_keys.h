// Text of the statements that move foreign keys at the swap. Pure functions.
//
// CREATE TABLE ... LIKE copies no foreign key, and RENAME TABLE takes every
// constraint along with its table: the child's constraint that points at T
// points at _T_old after the swap. So the constraints are moved by hand, each
// with one ALTER TABLE ... ALGORITHM=INPLACE that, with foreign_key_checks=0,
// changes only metadata (no row is read or copied, whatever the table's size).
#pragma once

#include <string>
#include <vector>

namespace oa::sql {

// One FOREIGN KEY constraint as information_schema describes it.
struct ForeignKey {
  std::string name;
  std::string database;  // of the table that declares it (the child)
  std::string table;
  std::vector<std::string> columns;
  std::string referenced_database;
  std::string referenced_table;
  std::vector<std::string> referenced_columns;
  std::string update_rule;  // RESTRICT, NO ACTION, CASCADE, SET NULL, SET DEFAULT
  std::string delete_rule;

  // True when a change of the parent row changes or deletes rows of the child
  // (CASCADE, SET NULL, SET DEFAULT): the server does that without firing the
  // child's triggers.
  bool changes_child() const;
};

// "CONSTRAINT `name` FOREIGN KEY (`a`) REFERENCES `db`.`parent` (`id`)
// ON DELETE ... ON UPDATE ...", for ADD.
std::string constraint_clause(const ForeignKey& key);

// ALTER TABLE `db`.`table` ADD <clause>, ADD ..., ALGORITHM=INPLACE.
std::string add_foreign_keys(const std::string& db, const std::string& table,
                             const std::vector<std::string>& clauses);
// ALTER TABLE `db`.`table` DROP FOREIGN KEY `a`, ..., ALGORITHM=INPLACE.
std::string drop_foreign_keys(const std::string& db, const std::string& table,
                              const std::vector<std::string>& names);

// The child's constraint `key`, pointed at `db`.`parent` instead, under
// toggled_name(key.name): one statement, so the name must change (a name
// cannot be dropped and added again in one ALTER, error 1826).
std::string repoint_foreign_key(const ForeignKey& key, const std::string& db,
                                const std::string& parent);

// `name` with a leading underscore removed, or one added when it has none
// (cut to 64 characters, the longest name the server accepts): moving a
// constraint back and forth gives back its name.
std::string toggled_name(const std::string& name);

// Counts the child's rows whose key has no parent row: every column NOT NULL
// (a NULL column exempts a row, as the server's MATCH SIMPLE does) and no
// row of the referenced table with those values.
std::string count_orphans(const ForeignKey& key);

}  // namespace oa::sql
