#include "jq.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "support/tool_run.h"

namespace oa::test {
namespace {

const char kJq[] = "/usr/bin/jq";

// A file holding `text` for as long as the object lives.
class TextFile {
 public:
  explicit TextFile(const std::string& text) {
    char name[] = "/tmp/oa_it_json.XXXXXX";
    const int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    close(fd);
    path_ = name;
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TextFile() { std::remove(path_.c_str()); }
  TextFile(const TextFile&) = delete;
  TextFile& operator=(const TextFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

std::string jq(const std::string& filter, const std::string& text) {
  const TextFile input(text);
  const ToolResult r = ToolRun(kJq).run({"-r", filter, input.path()});
  CHECK_MESSAGE(r.exit_code == 0, "jq " << filter << ": " << r.err);
  return r.out;
}

}  // namespace oa::test
