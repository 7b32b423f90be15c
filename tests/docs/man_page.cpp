#include "man_page.h"

#include <map>
#include <set>
#include <sstream>

#include "source_tree.h"

namespace oa::docs {
namespace {

// The macro's arguments: words split at spaces, "double quotes" grouping.
std::vector<std::string> macro_arguments(const std::string& text) {
  std::vector<std::string> arguments;
  std::string current;
  bool quoted = false, in_word = false;
  for (char c : text) {
    if (c == '"') {
      quoted = !quoted;
      in_word = true;
    } else if (c == ' ' && !quoted) {
      if (in_word) arguments.push_back(current);
      current.clear();
      in_word = false;
    } else {
      current += c;
      in_word = true;
    }
  }
  if (in_word) arguments.push_back(current);
  return arguments;
}

std::string unescape(const std::string& text) {
  static const std::map<std::string, std::string> named = {{"aq", "'"},  {"dq", "\""}, {"lq", "\""},
                                                           {"rq", "\""}, {"em", "--"}, {"en", "-"}};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    const char c = text[++i];
    if (c == 'f') {
      ++i;  // \fB, \fI, \fR, \fP
    } else if (c == '(' && i + 2 < text.size()) {
      const auto it = named.find(text.substr(i + 1, 2));
      if (it != named.end()) out += it->second;
      i += 2;
    } else if (c == '-') {
      out += '-';
    } else if (c == 'e' || c == '\\') {
      out += '\\';
    } else if (c == ' ') {
      out += ' ';
    }  // \| \& \^ and the rest show nothing here
  }
  return out;
}

bool ends_paragraph(const std::string& roff) {
  static const std::set<std::string> requests = {".TP", ".PP", ".P", ".LP", ".SS", ".SH", ".IP"};
  return requests.count(roff.substr(0, roff.find(' '))) > 0;
}

std::string title(const std::string& roff) {
  std::string name;
  for (const std::string& word : macro_arguments(roff.substr(3)))
    name += (name.empty() ? "" : " ") + word;
  return name;
}

void append(std::string& text, const std::string& more) {
  if (more.empty()) return;
  text += (text.empty() ? "" : " ") + more;
}

}  // namespace

std::string roff_to_text(const std::string& line) {
  if (line.empty() || (line[0] != '.' && line[0] != '\'')) return unescape(line);
  const std::size_t space = line.find(' ');
  const std::string macro = line.substr(1, space == std::string::npos ? space : space - 1);
  const std::vector<std::string> arguments =
      macro_arguments(space == std::string::npos ? "" : line.substr(space + 1));
  std::string text;
  if (macro == "B" || macro == "I") {
    for (const std::string& a : arguments) text += (text.empty() ? "" : " ") + a;
  } else if (macro.size() == 2 && std::string("BIR").find(macro[0]) != std::string::npos &&
             std::string("BIR").find(macro[1]) != std::string::npos) {
    for (const std::string& a : arguments) text += a;  // alternating fonts: no spaces
  }
  return unescape(text);
}

ManPage::ManPage(const std::string& roff) {
  std::istringstream in(roff);
  std::string line, section, subsection;
  while (std::getline(in, line)) {
    if (line.rfind(".SH", 0) == 0) {
      section = title(line);
      subsection.clear();
    } else if (line.rfind(".SS", 0) == 0) {
      subsection = title(line);
    }
    lines_.push_back({section, subsection, line});
  }
}

std::vector<ManEntry> ManPage::entries(const std::string& section,
                                       const std::string& subsection) const {
  std::vector<ManEntry> found;
  bool in_entry = false, want_tag = false;
  for (const Line& line : lines_) {
    const bool selected =
        line.section == section && (subsection.empty() || line.subsection == subsection);
    if (ends_paragraph(line.roff)) in_entry = false;
    if (!selected) continue;
    if (line.roff.rfind(".TP", 0) == 0) {
      found.push_back({line.section, line.subsection, "", ""});
      want_tag = true;
    } else if (want_tag) {
      found.back().tag = roff_to_text(line.roff);
      want_tag = false;
      in_entry = true;
    } else if (in_entry) {
      append(found.back().body, roff_to_text(line.roff));
    }
  }
  return found;
}

std::vector<std::string> ManPage::section_lines(const std::string& section) const {
  std::vector<std::string> text;
  for (const Line& line : lines_) {
    if (line.section == section && line.roff.rfind(".SH", 0) != 0)
      text.push_back(roff_to_text(line.roff));
  }
  return text;
}

std::vector<std::string> ManPage::sections() const {
  std::vector<std::string> names;
  for (const Line& line : lines_) {
    if (names.empty() || names.back() != line.section) names.push_back(line.section);
  }
  return names;
}

ManPage installed_man_page() { return ManPage(read_file(source_path("man/online-alter.1"))); }

}  // namespace oa::docs
