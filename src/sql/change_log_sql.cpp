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
std::string distinct_keys(const ChangeLogSpec& s, const std::string& where,
                          const std::string& columns) {
  return "(SELECT DISTINCT " + columns + " FROM " + qualified_name(s.db, s.change_log) + where +
         ") AS `changed`";
}

std::string distinct_keys(const ChangeLogSpec& s, const std::string& where) {
  return distinct_keys(s, where, quoted_list(s.key_source));
}

// ON clause matching the shadow's key with the logged spellings, as the
// shadow compares them (its index serves the lookup).
std::string shadow_join(const ChangeLogSpec& s) {
  std::string on;
  for (std::size_t i = 0; i < s.key_target.size(); ++i) {
    if (i > 0) on += " AND ";
    const std::string logged = "`changed`." + quote_identifier(s.key_source[i]);
    const KeyCollation* change = collation_change(s.key_collations, i);
    on += column_of(s, s.shadow, s.key_target[i]) + " = " +
          (change ? bytes_as_shadow(logged, *change) : logged);
  }
  return on;
}

std::string count_changed(const ChangeLogSpec& s, const std::string& table,
                          const std::vector<std::string>& keys) {
  std::string on;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) on += " AND ";
    on += keys[i] + " = `changed`." + quote_identifier(s.key_source[i]);
  }
  return "SELECT COUNT(*) FROM " + qualified_name(s.db, table) + " JOIN " + distinct_keys(s, "") +
         " ON " + on;
}

std::vector<std::string> table_keys(const ChangeLogSpec& s) {
  std::vector<std::string> out;
  for (const auto& c : s.key_source) out.push_back(column_of(s, s.table, c));
  return out;
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
  const std::string where = applied_range(s, uncopied);
  const std::string shadow = qualified_name(s.db, s.shadow);
  if (!any_collation_change(s.key_collations)) {
    return "DELETE " + shadow + " FROM " + shadow + " JOIN " + distinct_keys(s, where) + " ON " +
           shadow_join(s);
  }
  std::string logged, current;
  for (std::size_t i = 0; i < s.key_source.size(); ++i) {
    const std::string column = quote_identifier(s.key_source[i]);
    const std::string of_t = column_of(s, s.table, s.key_source[i]);
    const bool bytes = collation_change(s.key_collations, i) != nullptr;
    logged +=
        (i > 0 ? ", " : "") + (bytes ? "CAST(" + column + " AS BINARY) AS " + column : column);
    current += (i > 0 ? ", " : "") + (bytes ? "CAST(" + of_t + " AS BINARY)" : of_t);
  }
  // Every logged spelling, and the one T's row has now: the shadow may hold
  // that one already while the entry that logged it waits in a later batch
  // (an update's two entries can fall into two batches).
  const std::string spellings = "(SELECT " + logged + " FROM " +
                                qualified_name(s.db, s.change_log) + where + " UNION SELECT " +
                                current + " FROM " + qualified_name(s.db, s.table) + " JOIN " +
                                distinct_keys(s, where) + " ON " +
                                key_join(s, s.table, s.key_source, "`changed`") + ") AS `changed`";
  return "DELETE " + shadow + " FROM " + shadow + " JOIN " + spellings + " ON " + shadow_join(s);
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
  return count_changed(s, s.table, table_keys(s));
}

std::string count_changed_in_shadow(const ChangeLogSpec& s) {
  return count_changed(
      s, s.shadow,
      keys_as_original(s.key_target, s.key_collations, qualified_name(s.db, s.shadow) + "."));
}

}  // namespace oa::sql
