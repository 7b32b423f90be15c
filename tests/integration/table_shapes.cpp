#include "table_shapes.h"

#include <cmath>
#include <cstdio>
#include <limits>

#include "support/sql_text.h"
#include "support/value_generators.h"

namespace oa::test {
namespace {

using Rng = std::mt19937_64;

int between(Rng& rng, int low, int high) {
  return std::uniform_int_distribution<int>(low, high)(rng);
}

std::string two_digits(int value) {
  char text[8];
  std::snprintf(text, sizeof text, "%02d", value);
  return text;
}

std::string random_date(Rng& rng, int first_year, int last_year) {
  char text[16];
  // Day 28 at most: valid in every month.
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", between(rng, first_year, last_year),
                between(rng, 1, 12), between(rng, 1, 28));
  return text;
}

// Hours 10-14 only: far from any daylight-saving gap, whatever the server's time zone.
std::string random_daytime(Rng& rng) {
  return two_digits(between(rng, 10, 14)) + ":" + two_digits(between(rng, 0, 59)) + ":" +
         two_digits(between(rng, 0, 59));
}

std::string random_fraction(Rng& rng, int digits) {
  std::string text = ".";
  for (int i = 0; i < digits; ++i) text += static_cast<char>('0' + rng() % 10);
  return text;
}

Value random_decimal(Rng& rng) {
  // DECIMAL(20,6): up to 14 integer digits.
  std::string text = (rng() % 2 == 0) ? "-" : "";
  const int digits = between(rng, 1, 14);
  for (int i = 0; i < digits; ++i) text += static_cast<char>('0' + rng() % 10);
  return text + random_fraction(rng, 6);
}

Value random_float(Rng& rng) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g",
                std::uniform_real_distribution<double>(-1e6, 1e6)(rng) *
                    std::pow(10.0, between(rng, -10, 10)));
  return std::string(text);
}

Value random_double(Rng& rng) {
  char text[40];
  std::snprintf(
      text, sizeof text, "%.17g",
      std::uniform_real_distribution<double>(-1, 1)(rng) * std::pow(10.0, between(rng, -300, 300)));
  return std::string(text);
}

Value random_time(Rng& rng) {
  std::string text = (rng() % 4 == 0) ? "-" : "";
  return text + std::to_string(between(rng, 0, 838)) + ":" + two_digits(between(rng, 0, 59)) + ":" +
         two_digits(between(rng, 0, 59));
}

Value random_json(Rng& rng) {
  // No quote or backslash inside the strings, so no escaping is needed.
  static const char* const kWords[] = {"alpha", "b\xC3\xA9ta", "\xF0\x9F\x98\x80", "\xE6\x97\xA5",
                                       "plain text"};
  return "{\"n\": " + std::to_string(between(rng, -100000, 100000)) + ", \"s\": \"" +
         kWords[rng() % 5] +
         "\", \"a\": [1, 2.5, null, true], \"o\": {\"k\": " + std::to_string(between(rng, 0, 9)) +
         "}}";
}

Value random_set(Rng& rng) {
  std::string text;
  for (const char* member : {"x", "y", "z"}) {
    if (rng() % 2 == 0) continue;
    text += (text.empty() ? "" : ",") + std::string(member);
  }
  return text;
}

std::string mixed_case_code(std::uint64_t n) {
  // Three letters from a mix of n, each upper or lower case by other bits, then
  // n: unique by the digits, ordered differently by case-insensitive and
  // byte-wise comparison.
  std::uint64_t bits = n * 0x9E3779B97F4A7C15ULL;
  std::string code;
  for (int i = 0; i < 3; ++i) {
    const char letter = static_cast<char>('a' + (bits >> (8 * i)) % 26);
    const bool upper = ((bits >> (40 + i)) & 1) != 0;
    code += upper ? static_cast<char>(letter - 'a' + 'A') : letter;
  }
  return code + "-" + std::to_string(n);
}

}  // namespace

TableSpec integer_key_shape() {
  TableSpec spec;
  spec.create_template =
      "CREATE TABLE {table} (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, "
      "k INT NOT NULL, c VARCHAR(100) NOT NULL, pad CHAR(30) NULL, KEY k (k)) ENGINE=InnoDB";
  spec.key.push_back({"id", [](std::uint64_t n) { return std::to_string(n + 1); }});
  spec.columns.push_back({"k", integer_between(1, 1000)});
  spec.columns.push_back({"c", unicode_text(0, 40)});
  spec.columns.push_back({"pad", nullable(ascii_text(0, 30), 0.1)});
  return spec;
}

TableSpec composite_key_shape() {
  constexpr std::uint64_t kGroups = 37;  // values of a; b counts within a group
  TableSpec spec;
  spec.create_template =
      "CREATE TABLE {table} (a INT NOT NULL, b VARCHAR(32) NOT NULL, x INT NULL, "
      "y VARCHAR(100) NULL, z DATETIME NULL, PRIMARY KEY (a, b)) ENGINE=InnoDB";
  spec.key.push_back({"a", [](std::uint64_t n) { return std::to_string(n % kGroups); }});
  KeyColumnSpec b{"b", [](std::uint64_t n) { return "b" + std::to_string(n / kGroups); }};
  b.text = true;
  b.case_insensitive = true;  // the table's default collation
  spec.key.push_back(b);
  spec.columns.push_back({"x", nullable(integer_between(-1000000, 1000000), 0.1)});
  spec.columns.push_back({"y", nullable(unicode_text(0, 60), 0.1)});
  spec.columns.push_back({"z", nullable(
                                   [](Rng& rng) -> Value {
                                     return random_date(rng, 1990, 2030) + " " +
                                            random_daytime(rng);
                                   },
                                   0.1)});
  return spec;
}

TableSpec case_insensitive_key_shape() {
  TableSpec spec;
  spec.create_template =
      "CREATE TABLE {table} (code VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci "
      "NOT NULL PRIMARY KEY, v VARCHAR(40) NULL, n INT NOT NULL) ENGINE=InnoDB";
  KeyColumnSpec code{"code", mixed_case_code};
  code.text = true;
  code.case_insensitive = true;
  spec.key.push_back(code);
  spec.columns.push_back({"v", nullable(unicode_text(0, 40), 0.1)});
  spec.columns.push_back({"n", integer_between(0, 1000000)});
  return spec;
}

TableSpec unique_key_only_shape() {
  TableSpec spec;
  spec.create_template =
      "CREATE TABLE {table} (u BIGINT NOT NULL, v VARCHAR(50) NOT NULL, w INT NULL, "
      "UNIQUE KEY uk (u), KEY w (w)) ENGINE=InnoDB";
  spec.key.push_back({"u", [](std::uint64_t n) { return std::to_string(n * 3 + 7); }});
  spec.columns.push_back({"v", ascii_text(1, 50)});
  spec.columns.push_back({"w", nullable(integer_between(0, 100), 0.2)});
  return spec;
}

TableSpec wide_shape() {
  TableSpec spec;
  spec.create_template =
      "CREATE TABLE {table} (id BIGINT NOT NULL PRIMARY KEY, ti TINYINT NULL, "
      "si SMALLINT NOT NULL, iu INT UNSIGNED NOT NULL, bi BIGINT NOT NULL, "
      "de DECIMAL(20,6) NOT NULL, fl FLOAT NULL, db DOUBLE NOT NULL, da DATE NULL, "
      "dt DATETIME(6) NOT NULL, ts TIMESTAMP(3) NULL DEFAULT NULL, tm TIME NULL, "
      "yr YEAR NULL, ch CHAR(10) NULL, vc VARCHAR(100) NOT NULL, tx TEXT NULL, bl BLOB NULL, "
      "vb VARBINARY(32) NULL, js JSON NULL, en ENUM('alpha','beta','gamma') NULL, "
      "st SET('x','y','z') NOT NULL, bt BIT(13) NULL) ENGINE=InnoDB";
  spec.key.push_back({"id", [](std::uint64_t n) { return std::to_string(n * 7 + 1); }});
  auto column = [&spec](const char* name, ValueGenerator generate) {
    spec.columns.push_back({name, std::move(generate)});
  };
  column("ti", nullable(integer_between(-128, 127), 0.2));
  column("si", integer_between(-32768, 32767));
  column("iu", unsigned_between(0, 4294967295ULL));
  column("bi", integer_between(std::numeric_limits<std::int64_t>::min(),
                               std::numeric_limits<std::int64_t>::max()));
  column("de", random_decimal);
  column("fl", nullable(random_float, 0.2));
  column("db", random_double);
  column("da", nullable([](Rng& rng) -> Value { return random_date(rng, 1000, 9999); }, 0.2));
  column("dt", [](Rng& rng) -> Value {
    return random_date(rng, 1000, 9999) + " " + random_daytime(rng) + random_fraction(rng, 6);
  });
  column("ts", nullable(
                   [](Rng& rng) -> Value {
                     return random_date(rng, 1971, 2037) + " " + random_daytime(rng) +
                            random_fraction(rng, 3);
                   },
                   0.2));
  column("tm", nullable(random_time, 0.2));
  column("yr", nullable(integer_between(1901, 2155), 0.2));
  column("ch", nullable(unicode_text(0, 10), 0.2));
  column("vc", unicode_text(0, 100));
  column("tx", nullable(unicode_text(0, 600), 0.2));
  spec.columns.push_back({"bl", nullable(random_bytes(0, 300), 0.2), "?", true});
  spec.columns.push_back({"vb", nullable(random_bytes(0, 32), 0.2), "?", true});
  column("js", nullable(random_json, 0.2));
  column("en", nullable(one_of({"alpha", "beta", "gamma"}), 0.2));
  column("st", random_set);
  spec.columns.push_back({"bt", nullable(unsigned_between(0, 8191), 0.2), "CAST(? AS UNSIGNED)"});
  return spec;
}

std::string awkward_key_column() { return "key `k` \xC3\xA9"; }  // key `k` é

TableSpec awkward_names_shape() {
  const std::string select_column = "select";
  const std::string value_column = "value `v` \xC3\x86";      // value `v` Æ
  const std::string spaced_column = "desc ription \xC3\xBC";  // desc ription ü
  TableSpec spec;
  spec.create_template =
      "CREATE TABLE {table} (" + quote_identifier(awkward_key_column()) +
      " BIGINT NOT NULL PRIMARY KEY, " + quote_identifier(select_column) + " INT NOT NULL, " +
      quote_identifier(value_column) + " VARCHAR(60) NULL, " + quote_identifier(spaced_column) +
      " DATETIME(3) NULL, KEY " + quote_identifier("index `i` \xC3\xB8") + " (" +
      quote_identifier(select_column) + "), KEY " + quote_identifier("two, parts") + " (" +
      quote_identifier(value_column) + "(10), " + quote_identifier(select_column) +
      " DESC) COMMENT 'a, b') ENGINE=InnoDB";
  spec.key.push_back({awkward_key_column(), [](std::uint64_t n) { return std::to_string(n); }});
  spec.columns.push_back({select_column, integer_between(0, 500)});
  spec.columns.push_back({value_column, nullable(unicode_text(0, 60), 0.1)});
  spec.columns.push_back({spaced_column, nullable(
                                             [](Rng& rng) -> Value {
                                               return random_date(rng, 2000, 2030) + " " +
                                                      random_daytime(rng) + random_fraction(rng, 3);
                                             },
                                             0.1)});
  return spec;
}

TableSpec twenty_character_shape() {
  TableSpec spec;
  spec.create_template =
      "CREATE TABLE {table} (id INT NOT NULL PRIMARY KEY, v VARCHAR(40) NOT NULL, w INT NULL) "
      "ENGINE=InnoDB";
  spec.key.push_back({"id", [](std::uint64_t n) { return std::to_string(n + 1); }});
  spec.columns.push_back({"v", ascii_text(20, 20)});
  spec.columns.push_back({"w", nullable(integer_between(0, 1000), 0.1)});
  return spec;
}

TableSpec unique_email_shape() {
  TableSpec spec;
  spec.create_template =
      "CREATE TABLE {table} (id BIGINT NOT NULL PRIMARY KEY, email VARCHAR(60) NOT NULL, "
      "k INT NOT NULL, KEY k (k)) ENGINE=InnoDB";
  spec.key.push_back({"id", [](std::uint64_t n) { return std::to_string(n + 1); }});
  spec.columns.push_back(
      {"email", [](Rng& rng) -> Value { return "user" + std::to_string(rng()) + "@example.com"; }});
  spec.columns.push_back({"k", integer_between(1, 1000)});
  return spec;
}

TableSpec generated_columns_shape() {
  TableSpec spec;
  spec.create_template =
      "CREATE TABLE {table} (id BIGINT NOT NULL PRIMARY KEY, n INT NOT NULL, "
      "c VARCHAR(40) NOT NULL, n_plus BIGINT AS (n + 1) VIRTUAL, "
      "c_reversed VARCHAR(40) AS (REVERSE(c)) STORED, KEY n_plus (n_plus)) ENGINE=InnoDB";
  spec.key.push_back({"id", [](std::uint64_t n) { return std::to_string(n + 1); }});
  spec.columns.push_back({"n", integer_between(-1000000, 1000000)});
  spec.columns.push_back({"c", ascii_text(0, 40)});
  return spec;
}

}  // namespace oa::test
