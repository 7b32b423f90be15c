// Reading plain secondary index definitions out of SHOW CREATE TABLE, and
// the statements that drop and re-add them. Pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oa::sql {

struct IndexDefinition {
  std::string name;        // unquoted
  std::string definition;  // as SHOW CREATE TABLE prints it: KEY `name` (...) ...
};

// The non-unique B-tree indexes ("KEY ..." lines) of a SHOW CREATE TABLE
// text, in order. PRIMARY, UNIQUE, FULLTEXT and SPATIAL keys are not listed.
std::vector<IndexDefinition> plain_secondary_indexes(std::string_view create_table);

// ALTER TABLE db.table DROP INDEX a, DROP INDEX b
std::string drop_indexes(const std::string& db, const std::string& table,
                         const std::vector<IndexDefinition>& indexes);

// ALTER TABLE db.table ADD KEY ..., ADD KEY ..., ALGORITHM=INPLACE, LOCK=NONE
std::string add_indexes(const std::string& db, const std::string& table,
                        const std::vector<IndexDefinition>& indexes);

}  // namespace oa::sql
