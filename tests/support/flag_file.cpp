#include "support/flag_file.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace oa::test {
namespace {

std::atomic<int> next_counter{0};

}  // namespace

FlagFile::FlagFile(const std::string& label)
    : path_("/tmp/" + label + "_" + std::to_string(getpid()) + "_" +
            std::to_string(next_counter++)) {
  std::FILE* file = std::fopen(path_.c_str(), "w");
  if (file == nullptr) {
    throw std::runtime_error("cannot create " + path_ + ": " + std::strerror(errno));
  }
  std::fclose(file);
  exists_ = true;
}

FlagFile::~FlagFile() {
  if (exists_) std::remove(path_.c_str());
}

void FlagFile::remove() {
  if (!exists_) return;
  if (std::remove(path_.c_str()) != 0 && errno != ENOENT) {
    throw std::runtime_error("cannot remove " + path_ + ": " + std::strerror(errno));
  }
  exists_ = false;
}

}  // namespace oa::test
