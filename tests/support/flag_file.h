// An empty file whose existence tells online-alter to wait (--pause-file,
// --postpone-cutover-file): created by the constructor, removed by remove()
// or at the latest by the destructor.
#pragma once

#include <string>

namespace oa::test {

class FlagFile {
 public:
  // Creates /tmp/<label>_<pid>_<counter> (unique within this process and
  // between concurrent processes). Throws std::runtime_error when it cannot.
  explicit FlagFile(const std::string& label);

  // Removes the file if it still exists.
  ~FlagFile();
  FlagFile(const FlagFile&) = delete;
  FlagFile& operator=(const FlagFile&) = delete;

  // Removes the file. Idempotent. Throws std::runtime_error when it cannot.
  void remove();

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  bool exists_ = false;
};

}  // namespace oa::test
