#include "sql/verify_sql.h"

#include <algorithm>
#include <cctype>

#include "sql/chunk_sql.h"
#include "sql/quote.h"

namespace oa::sql {
namespace {

bool one_of(const std::string& type, std::initializer_list<const char*> types) {
  return std::any_of(types.begin(), types.end(), [&](const char* t) { return type == t; });
}

bool is_integer(const std::string& t) {
  return one_of(t, {"tinyint", "smallint", "mediumint", "int", "bigint"});
}
bool is_exact_number(const std::string& t) { return is_integer(t) || t == "decimal"; }
bool is_floating(const std::string& t) { return one_of(t, {"float", "double"}); }
bool is_byte_string(const std::string& t) {
  return one_of(t, {"binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob"});
}
bool is_text(const std::string& t) {
  return one_of(
      t, {"char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set", "json"});
}
// MariaDB stores every geometry as its SRID and WKB. Read as those bytes
// (CAST(... AS CHAR) is refused, error 4079, and the client library cannot
// bind a GEOMETRY result column).
bool is_spatial(const std::string& t) {
  return one_of(t, {"geometry", "point", "linestring", "polygon", "multipoint", "multilinestring",
                    "multipolygon", "geometrycollection"});
}
bool is_date_time(const std::string& t) { return one_of(t, {"date", "datetime", "timestamp"}); }

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// `cast` with the column in place of the one %.
std::string apply(const std::string& cast, const std::string& column) {
  const auto at = cast.find('%');
  return cast.substr(0, at) + quote_identifier(column) + cast.substr(at + 1);
}

// The server's own text for a value that is not a string. Read through the
// binary protocol, the client library would format numbers itself, a DOUBLE
// with fewer digits than it holds; the server writes the shortest text that
// reads back as the same value.
std::string as_text(const std::string& form) { return "CAST(" + form + " AS CHAR)"; }

// How a column is read when both sides have the same type.
std::string own_form(const std::string& t) {
  if (is_text(t) || is_byte_string(t)) return "%";
  if (is_spatial(t)) return "CAST(% AS BINARY)";
  if (t == "float") return as_text("CAST(% AS DOUBLE)");  // FLOAT's text keeps 6 digits
  if (t == "bit") return as_text("% + 0");
  return as_text("%");
}

// The conversion both sides get when their types differ.
std::string common_form(const std::string& s, const std::string& t) {
  if (is_exact_number(s) && is_exact_number(t)) return as_text("CAST(% AS DECIMAL(65,30))");
  if ((is_floating(s) || is_exact_number(s)) && (is_floating(t) || is_exact_number(t))) {
    return as_text("CAST(% AS DOUBLE)");
  }
  if (is_date_time(s) && is_date_time(t)) return as_text("CAST(% AS DATETIME(6))");
  if (s == "time" && t == "time") return as_text("CAST(% AS TIME(6))");
  if (s == "bit" && t == "bit") return as_text("% + 0");
  if (is_spatial(s) && is_spatial(t)) return "CAST(% AS BINARY)";
  // Byte strings compare as bytes; but BINARY(n) pads with zero bytes to its
  // length, where VARBINARY and BLOB keep exactly what was stored.
  if (is_byte_string(s) && is_byte_string(t)) {
    return s == "binary" || t == "binary" ? "TRIM(TRAILING 0x00 FROM %)" : "%";
  }
  return "CAST(% AS CHAR CHARACTER SET utf8mb4)";
}

}  // namespace

ComparedColumn compare_as(const ColumnType& source, const ColumnType& target) {
  const std::string s = lower(source.data_type);
  const std::string t = lower(target.data_type);
  const std::string cast = s == t && lower(source.column_type) == lower(target.column_type)
                               ? own_form(s)
                               : common_form(s, t);
  return {apply(cast, source.name), apply(cast, target.name)};
}

std::string rows_in_range(const std::string& db, const VerifiedSide& side, bool has_lower,
                          bool has_upper, const LoggedKeys* logged) {
  std::vector<std::string> forms = side.key_forms;
  if (forms.empty()) {
    for (const std::string& k : side.key) forms.push_back(quote_identifier(k));
  }
  std::string flag = "0";
  if (logged != nullptr) {
    std::string tuple;
    for (const std::string& f : forms) tuple += (tuple.empty() ? "" : ", ") + f;
    flag = "(" + tuple + ") IN (SELECT " + quoted_list(logged->key) + " FROM " +
           qualified_name(db, logged->change_log) + key_range(logged->key, has_lower, has_upper) +
           ")";
  }
  std::string select = quoted_list(side.key) + ", " + flag;
  for (const std::string& e : side.expressions) select += ", " + e;
  return "SELECT " + select + " FROM " + qualified_name(db, side.table) + " FORCE INDEX (" +
         quote_identifier(side.index) + ")" + expression_range(forms, has_lower, has_upper);
}

std::string delete_rows_in_range(const std::string& db, const std::string& table,
                                 const std::vector<std::string>& key_forms, bool has_lower,
                                 bool has_upper) {
  return "DELETE FROM " + qualified_name(db, table) +
         expression_range(key_forms, has_lower, has_upper);
}

}  // namespace oa::sql
