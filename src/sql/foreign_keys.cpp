#include "sql/foreign_keys.h"

#include "sql/quote.h"

namespace oa::sql {
namespace {

constexpr std::size_t kMaxNameLength = 64;  // identifiers, constraint names among them

std::string referenced(const ForeignKey& key) {
  return qualified_name(key.referenced_database, key.referenced_table) + " (" +
         quoted_list(key.referenced_columns) + ")";
}

std::string clause_with(const ForeignKey& key, const std::string& name,
                        const std::string& referenced_table) {
  std::string out = "CONSTRAINT " + quote_identifier(name) + " FOREIGN KEY (" +
                    quoted_list(key.columns) + ") REFERENCES " + referenced_table;
  // RESTRICT is the default, which SHOW CREATE TABLE leaves unsaid: naming it
  // would make the new table's definition differ from the original's.
  if (key.delete_rule != "RESTRICT") out += " ON DELETE " + key.delete_rule;
  if (key.update_rule != "RESTRICT") out += " ON UPDATE " + key.update_rule;
  return out;
}

}  // namespace

bool ForeignKey::changes_child() const {
  auto acts = [](const std::string& rule) { return rule != "RESTRICT" && rule != "NO ACTION"; };
  return acts(update_rule) || acts(delete_rule);
}

std::string constraint_clause(const ForeignKey& key) {
  return clause_with(key, key.name, referenced(key));
}

std::string add_foreign_keys(const std::string& db, const std::string& table,
                             const std::vector<std::string>& clauses) {
  std::string out = "ALTER TABLE " + qualified_name(db, table);
  for (std::size_t i = 0; i < clauses.size(); ++i) out += (i ? ", ADD " : " ADD ") + clauses[i];
  return out + ", ALGORITHM=INPLACE";
}

std::string drop_foreign_keys(const std::string& db, const std::string& table,
                              const std::vector<std::string>& names) {
  std::string out = "ALTER TABLE " + qualified_name(db, table);
  for (std::size_t i = 0; i < names.size(); ++i) {
    out += (i ? ", DROP FOREIGN KEY " : " DROP FOREIGN KEY ") + quote_identifier(names[i]);
  }
  return out + ", ALGORITHM=INPLACE";
}

std::string repoint_foreign_key(const ForeignKey& key, const std::string& db,
                                const std::string& parent) {
  const std::string target =
      qualified_name(db, parent) + " (" + quoted_list(key.referenced_columns) + ")";
  return "ALTER TABLE " + qualified_name(key.database, key.table) + " DROP FOREIGN KEY " +
         quote_identifier(key.name) + ", ADD " + clause_with(key, toggled_name(key.name), target) +
         ", ALGORITHM=INPLACE";
}

std::string toggled_name(const std::string& name) {
  if (!name.empty() && name.front() == '_') return name.substr(1);
  std::string toggled = "_" + name;
  // Cut at a character boundary: never inside a UTF-8 sequence.
  std::size_t chars = 0, end = 0;
  while (end < toggled.size() && chars < kMaxNameLength) {
    ++end;
    while (end < toggled.size() && (static_cast<unsigned char>(toggled[end]) & 0xC0) == 0x80) {
      ++end;
    }
    ++chars;
  }
  return toggled.substr(0, end);
}

std::string count_orphans(const ForeignKey& key) {
  std::string present, matches;
  for (std::size_t i = 0; i < key.columns.size(); ++i) {
    const std::string c = "c." + quote_identifier(key.columns[i]);
    present += (i ? " AND " : "") + c + " IS NOT NULL";
    matches += (i ? " AND p." : "p.") + quote_identifier(key.referenced_columns[i]) + " = " + c;
  }
  return "SELECT COUNT(*) FROM " + qualified_name(key.database, key.table) + " AS c WHERE " +
         present + " AND NOT EXISTS (SELECT 1 FROM " +
         qualified_name(key.referenced_database, key.referenced_table) + " AS p WHERE " + matches +
         ")";
}

}  // namespace oa::sql
