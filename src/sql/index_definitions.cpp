#include "sql/index_definitions.h"

#include "sql/quote.h"

namespace oa::sql {
namespace {

constexpr std::string_view kKeyPrefix = "KEY `";

// Reads a backtick-quoted identifier starting at `text[pos]` (the opening
// backtick); returns it unquoted, or an empty string if it is not closed.
std::string read_quoted(std::string_view text, std::size_t pos) {
  std::string name;
  for (std::size_t i = pos + 1; i < text.size(); ++i) {
    if (text[i] != '`') {
      name += text[i];
    } else if (i + 1 < text.size() && text[i + 1] == '`') {
      name += '`';
      ++i;
    } else {
      return name;
    }
  }
  return {};
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::vector<IndexDefinition> plain_secondary_indexes(std::string_view create_table) {
  std::vector<IndexDefinition> out;
  while (!create_table.empty()) {
    const std::size_t end = create_table.find('\n');
    const std::string_view line = trim(create_table.substr(0, end));
    create_table.remove_prefix(end == std::string_view::npos ? create_table.size() : end + 1);
    if (line.substr(0, kKeyPrefix.size()) != kKeyPrefix) continue;
    std::string name = read_quoted(line, kKeyPrefix.size() - 1);
    if (!name.empty()) out.push_back({std::move(name), std::string(line)});
  }
  return out;
}

std::string drop_indexes(const std::string& db, const std::string& table,
                         const std::vector<IndexDefinition>& indexes) {
  std::string out = "ALTER TABLE " + qualified_name(db, table);
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    out += (i == 0 ? " " : ", ") + std::string("DROP INDEX ") + quote_identifier(indexes[i].name);
  }
  return out;
}

std::string add_indexes(const std::string& db, const std::string& table,
                        const std::vector<IndexDefinition>& indexes) {
  std::string out = "ALTER TABLE " + qualified_name(db, table);
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    out += (i == 0 ? " " : ", ") + std::string("ADD ") + indexes[i].definition;
  }
  return out + ", ALGORITHM=INPLACE, LOCK=NONE";
}

}  // namespace oa::sql
