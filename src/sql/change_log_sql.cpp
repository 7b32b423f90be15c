#include "sql/change_log_sql.h"

#include "sql/chunk_sql.h"
#include "sql/quote.h"

namespace oa::sql {
namespace {

// Table names are written out in full rather than aliased: the cut-over runs
// these statements under LOCK TABLES, which accepts only the names it locked.
std::string column_of(const ChangeLogSpec& s, const std::string& table, const std::string& col) {
  return qualified_name(s.db, table) + "." + quote_identifier(col);
}

std::string columns_of(const ChangeLogSpec& s, const std::string& table,
                       const std::vector<std::string>& cols) {
  std::string out;
  for (const auto& c : cols) out += (out.empty() ? "" : ", ") + column_of(s, table, c);
  return out;
}

// ON clause matching `table`'s `cols` with the log's key columns in `other`.
std::string key_join(const ChangeLogSpec& s, const std::string& table,
                     const std::vector<std::string>& cols, const std::string& other) {
  std::string on;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) on += " AND ";
    on += column_of(s, table, cols[i]) + " = " + other + "." + quote_identifier(s.key_source[i]);
  }
  return on;
}

std::string in_range() {
  return std::string(" WHERE ") + quote_identifier(kChangeSequence) + " BETWEEN ? AND ?";
}

std::string applied_range(const ChangeLogSpec& s, Uncopied uncopied) {
  std::string where = in_range();
  if (!uncopied.skip) return where;
  std::string window = "(" + key_up_to(s.key_source).text + ")";
  if (uncopied.has_lower) window = "(" + key_after(s.key_source).text + ") AND " + window;
  return where + " AND NOT (" + window + ")";
}

// Each logged key once: a hot row is logged many times.
std::string distinct_keys(const ChangeLogSpec& s, const std::string& where) {
  return "(SELECT DISTINCT " + quoted_list(s.key_source) + " FROM " +
         qualified_name(s.db, s.change_log) + where + ") AS `changed`";
}

std::string count_changed(const ChangeLogSpec& s, const std::string& table,
                          const std::vector<std::string>& cols) {
  return "SELECT COUNT(*) FROM " + qualified_name(s.db, table) + " JOIN " + distinct_keys(s, "") +
         " ON " + key_join(s, table, cols, "`changed`");
}

}  // namespace

std::string create_change_log(const ChangeLogSpec& s) {
  const std::string seq = quote_identifier(kChangeSequence);
  return "CREATE TABLE " + qualified_name(s.db, s.change_log) + " (" + seq +
         " BIGINT UNSIGNED NOT NULL AUTO_INCREMENT, PRIMARY KEY (" + seq +
         ")) ENGINE=InnoDB SELECT " + quoted_list(s.key_source) + " FROM " +
         qualified_name(s.db, s.table) + " LIMIT 0";
}

std::string last_logged(const ChangeLogSpec& s) {
  return "SELECT MAX(" + quote_identifier(kChangeSequence) + ") FROM " +
         qualified_name(s.db, s.change_log);
}

std::string next_span(const ChangeLogSpec& s) {
  const std::string seq = quote_identifier(kChangeSequence);
  return "SELECT MIN(" + seq + "), MAX(" + seq + "), COUNT(*) FROM (SELECT " + seq + " FROM " +
         qualified_name(s.db, s.change_log) + " ORDER BY " + seq + " LIMIT ?) AS `oldest`";
}

std::string lock_changes(const ChangeLogSpec& s) {
  return "SELECT COUNT(*) FROM " + qualified_name(s.db, s.change_log) + in_range() + " FOR UPDATE";
}

std::string next_changes(const ChangeLogSpec& s) {
  const std::string seq = quote_identifier(kChangeSequence);
  return "SELECT " + seq + " FROM " + qualified_name(s.db, s.change_log) + " ORDER BY " + seq +
         " LIMIT ?";
}

std::string delete_changed_rows(const ChangeLogSpec& s, Uncopied uncopied) {
  return "DELETE " + qualified_name(s.db, s.shadow) + " FROM " + qualified_name(s.db, s.shadow) +
         " JOIN " + distinct_keys(s, applied_range(s, uncopied)) + " ON " +
         key_join(s, s.shadow, s.key_target, "`changed`");
}

std::string copy_changed_rows(const ChangeLogSpec& s, Uncopied uncopied) {
  return "INSERT INTO " + qualified_name(s.db, s.shadow) + " (" + quoted_list(s.target_columns) +
         ") SELECT " + columns_of(s, s.table, s.source_columns) + " FROM " +
         qualified_name(s.db, s.table) + " JOIN " + distinct_keys(s, applied_range(s, uncopied)) +
         " ON " + key_join(s, s.table, s.key_source, "`changed`");
}

std::string forget_changes(const ChangeLogSpec& s) {
  return "DELETE FROM " + qualified_name(s.db, s.change_log) + in_range();
}

std::string count_logged(const ChangeLogSpec& s) {
  return "SELECT COUNT(*) FROM " + qualified_name(s.db, s.change_log);
}

std::string count_changed_in_table(const ChangeLogSpec& s) {
  return count_changed(s, s.table, s.key_source);
}

std::string count_changed_in_shadow(const ChangeLogSpec& s) {
  return count_changed(s, s.shadow, s.key_target);
}

}  // namespace oa::sql
