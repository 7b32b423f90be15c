// Rows of text as an aligned table, for terminals. Pure.
#pragma once

#include <string>
#include <vector>

namespace oa::history {

// `header` and `rows` in columns separated by two spaces, each as wide as its
// widest cell (counted in UTF-8 characters), the last one unpadded; one line
// each, every line ending in a newline. Rows shorter than the header are
// padded with empty cells.
std::string text_table(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows);

// `text` on one line (newlines and tabs as spaces), cut to `max` characters
// with "..." at the end when longer.
std::string one_line(const std::string& text, std::size_t max);

}  // namespace oa::history
