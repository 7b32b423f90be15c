// A table with a column of every type the server has, for the test that
// migrates it under writes: the geometry family (with a SPATIAL index), JSON,
// INET4, INET6 and UUID, BIT, YEAR, SET, ENUM, times with fractions, FLOAT and
// DOUBLE at their edges, DECIMAL(65,30), values of several MB, and a column
// the ALTER moves to another character set.
#include <cstdio>
#include <random>
#include <sstream>

#include "support/value_generators.h"
#include "table_shapes.h"

namespace oa::test {
namespace {

using Rng = std::mt19937_64;

std::string number(Rng& rng) {
  // Halves print exactly, as ST_AsText prints them.
  std::ostringstream out;
  out << static_cast<double>(std::uniform_int_distribution<int>(-2000, 2000)(rng)) / 2;
  return out.str();
}

std::string point_text(Rng& rng) { return number(rng) + " " + number(rng); }

std::string points(Rng& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += (i > 0 ? "," : "") + point_text(rng);
  return out;
}

// A closed ring: a right triangle with its corner at a random point.
std::string ring(Rng& rng) {
  const int x = std::uniform_int_distribution<int>(-500, 500)(rng);
  const int y = std::uniform_int_distribution<int>(-500, 500)(rng);
  const int a = std::uniform_int_distribution<int>(1, 50)(rng);
  const std::string corner = std::to_string(x) + " " + std::to_string(y);
  return "(" + corner + "," + std::to_string(x + a) + " " + std::to_string(y) + "," +
         std::to_string(x) + " " + std::to_string(y + a) + "," + corner + ")";
}

std::string point(Rng& rng) { return "POINT(" + point_text(rng) + ")"; }
std::string line_string(Rng& rng) { return "LINESTRING(" + points(rng, 3) + ")"; }
std::string polygon(Rng& rng) { return "POLYGON(" + ring(rng) + ")"; }
std::string multi_point(Rng& rng) { return "MULTIPOINT(" + points(rng, 3) + ")"; }
std::string multi_line_string(Rng& rng) {
  return "MULTILINESTRING((" + points(rng, 2) + "),(" + points(rng, 3) + "))";
}
std::string multi_polygon(Rng& rng) {
  return "MULTIPOLYGON((" + ring(rng) + "),(" + ring(rng) + "))";
}
std::string collection(Rng& rng) {
  return "GEOMETRYCOLLECTION(" + point(rng) + "," + line_string(rng) + "," + polygon(rng) + ")";
}

ValueGenerator geometry(std::string (*make)(Rng&)) {
  return [make](Rng& rng) -> Value { return make(rng); };
}

std::string hex_digits(Rng& rng, int count) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < count; ++i) out += digits[rng() % 16];
  return out;
}

Value inet4(Rng& rng) {
  std::string out;
  for (int i = 0; i < 4; ++i) out += (i > 0 ? "." : "") + std::to_string(rng() % 256);
  return out;
}

// Now and then with a run of zero groups, which the server writes as "::".
Value inet6(Rng& rng) {
  std::string out;
  const int zeros_from = static_cast<int>(rng() % 10);  // 8 or 9: no zero run
  for (int i = 0; i < 8; ++i) {
    const bool zero = i >= zeros_from && i < zeros_from + 3;
    out += (i > 0 ? ":" : "") + (zero ? std::string("0") : hex_digits(rng, 1 + rng() % 4));
  }
  return out;
}

// A version 4 UUID: the server refuses other versions' bit patterns as random.
Value uuid(Rng& rng) {
  const std::string variant(1, "89ab"[rng() % 4]);
  return hex_digits(rng, 8) + "-" + hex_digits(rng, 4) + "-4" + hex_digits(rng, 3) + "-" + variant +
         hex_digits(rng, 3) + "-" + hex_digits(rng, 12);
}

// Edges most of the time: the largest and smallest (also subnormal) values,
// negative zero; otherwise a random one.
ValueGenerator floating(std::vector<std::string> edges, double scale) {
  return [edges = std::move(edges), scale](Rng& rng) -> Value {
    if (rng() % 3 != 0) return edges[rng() % edges.size()];
    std::ostringstream out;
    out.precision(7);
    out << std::uniform_real_distribution<double>(-scale, scale)(rng);
    return out.str();
  };
}

Value decimal_65_30(Rng& rng) {
  std::string digits = std::to_string(rng() % 10);
  const int more = static_cast<int>(rng() % 35);
  for (int i = 0; i < more; ++i) digits += std::to_string(rng() % 10);
  std::string fraction;
  for (int i = 0; i < 30; ++i) fraction += std::to_string(rng() % 10);
  return (rng() % 2 ? "-" : "") + digits + "." + fraction;
}

Value fraction_time(Rng& rng) {
  char text[32];
  std::snprintf(text, sizeof text, "%s%03d:%02d:%02d.%06d", rng() % 2 ? "-" : "",
                static_cast<int>(rng() % 839), static_cast<int>(rng() % 60),
                static_cast<int>(rng() % 60), static_cast<int>(rng() % 1000000));
  return std::string(text);
}

Value date_time(Rng& rng, int first_year, int last_year) {
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d.%06d",
                first_year + static_cast<int>(rng() % (last_year - first_year + 1)),
                1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28),
                static_cast<int>(rng() % 24), static_cast<int>(rng() % 60),
                static_cast<int>(rng() % 60), static_cast<int>(rng() % 1000000));
  return std::string(text);
}

Value json(Rng& rng) {
  return "{\"n\": " + std::to_string(rng() % 100000) + ", \"s\": \"" + hex_digits(rng, 8) +
         "\", \"a\": [1, 2.5, null, true], \"o\": {\"k\": \"\\u00e9\"}}";
}

}  // namespace

TableSpec every_type_shape() {
  TableSpec spec;
  spec.create_template =
      "CREATE TABLE {table} (id BIGINT NOT NULL PRIMARY KEY, "
      "pt POINT NOT NULL, ls LINESTRING NULL, pg POLYGON NULL, mpt MULTIPOINT NULL, "
      "mls MULTILINESTRING NULL, mpg MULTIPOLYGON NULL, gc GEOMETRYCOLLECTION NULL, "
      "ge GEOMETRY NULL, js JSON NULL, i4 INET4 NULL, i6 INET6 NULL, uu UUID NULL, "
      "bt BIT(13) NULL, yr YEAR NULL, st SET('x','y','z') NOT NULL, "
      "en ENUM('alpha','beta','gamma') NULL, tm TIME(6) NULL, dt DATETIME(6) NOT NULL, "
      "ts TIMESTAMP(6) NULL DEFAULT NULL, fl FLOAT NULL, db DOUBLE NULL, "
      "de DECIMAL(65,30) NOT NULL, big LONGBLOB NULL, cs VARCHAR(60) CHARACTER SET utf8mb4 NULL, "
      "SPATIAL KEY (pt)) ENGINE=InnoDB";
  spec.key.push_back({"id", [](std::uint64_t n) { return std::to_string(n * 3 + 1); }});
  auto geo = [&spec](const char* name, std::string (*make)(Rng&), double nulls) {
    ColumnSpec c{name, nulls > 0 ? nullable(geometry(make), nulls) : geometry(make)};
    c.placeholder = "ST_GeomFromText(?)";
    c.read_as = "ST_AsText(%)";
    spec.columns.push_back(std::move(c));
  };
  geo("pt", point, 0);
  geo("ls", line_string, 0.2);
  geo("pg", polygon, 0.2);
  geo("mpt", multi_point, 0.2);
  geo("mls", multi_line_string, 0.2);
  geo("mpg", multi_polygon, 0.2);
  geo("gc", collection, 0.2);
  geo("ge", polygon, 0.2);
  auto column = [&spec](const char* name, ValueGenerator generate) {
    spec.columns.push_back({name, std::move(generate)});
  };
  column("js", nullable(json, 0.2));
  column("i4", nullable(inet4, 0.2));
  column("i6", nullable(inet6, 0.2));
  column("uu", nullable(uuid, 0.2));
  spec.columns.push_back({"bt", nullable(unsigned_between(0, 8191), 0.2), "CAST(? AS UNSIGNED)"});
  column("yr", nullable(integer_between(1901, 2155), 0.2));
  column("st", one_of({"", "x", "y,z", "x,y,z"}));
  column("en", nullable(one_of({"alpha", "beta", "gamma"}), 0.2));
  column("tm", nullable(fraction_time, 0.2));
  column("dt", [](Rng& rng) { return date_time(rng, 1000, 9999); });
  column("ts", nullable([](Rng& rng) { return date_time(rng, 1971, 2037); }, 0.2));
  // The ALTER makes `fl` a DOUBLE: read as FLOAT, its values read alike before and after.
  ColumnSpec fl{
      "fl",
      nullable(floating({"-0", "3.40282e38", "-3.40282e38", "1.17549e-38", "1e-45", "-1e-37"}, 1e6),
               0.1)};
  fl.read_as = "CAST(% AS FLOAT)";
  spec.columns.push_back(std::move(fl));
  column("db", nullable(floating({"-0", "1.7976931348623157e308", "-1.7976931348623157e308",
                                  "2.2250738585072014e-308", "5e-324", "-1e-300"},
                                 1e12),
                        0.1));
  column("de", decimal_65_30);
  // A few values of several MB.
  spec.columns.push_back({"big", nullable(random_bytes(2000000, 3000000), 0.998), "?", true});
  column("cs", nullable(unicode_text(0, 60), 0.1));
  return spec;
}

}  // namespace oa::test
