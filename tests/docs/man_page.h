// man/online-alter.1 read as plain text, structured by its sections (.SH),
// subsections (.SS) and tagged paragraphs (.TP), which is how it lists
// options and exit statuses.
#pragma once

#include <string>
#include <vector>

namespace oa::docs {

// One tagged paragraph: the tag line (e.g. "-h, --host=host") and the text
// under it, both as plain text with the lines joined by single spaces.
struct ManEntry {
  std::string section;
  std::string subsection;
  std::string tag;
  std::string body;
};

// One roff source line as the text it shows: font macros (.B, .BR, ...) give
// their arguments, other requests give "", escapes become their characters.
std::string roff_to_text(const std::string& line);

class ManPage {
 public:
  explicit ManPage(const std::string& roff);

  // The tagged paragraphs of `section`, and only of its `subsection` unless
  // that is empty.
  std::vector<ManEntry> entries(const std::string& section,
                                const std::string& subsection = "") const;

  // The plain-text lines of `section`, in order (requests give empty lines).
  std::vector<std::string> section_lines(const std::string& section) const;

  // The section names, in order.
  std::vector<std::string> sections() const;

 private:
  struct Line {
    std::string section;
    std::string subsection;
    std::string roff;
  };
  std::vector<Line> lines_;
};

// The man page of the source tree.
ManPage installed_man_page();

}  // namespace oa::docs
