#include "hooks/hook_process.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

using namespace oa::hooks;
using std::chrono::milliseconds;

namespace {

// A shell script in /tmp for as long as the object lives.
class Script {
 public:
  explicit Script(const std::string& body) {
    char name[] = "/tmp/oa_hook_XXXXXX";
    const int fd = ::mkstemp(name);
    REQUIRE(fd >= 0);
    ::close(fd);
    path_ = name;
    std::ofstream(path_) << "#!/bin/sh\n" << body << "\n";
    ::chmod(path_.c_str(), 0700);
  }
  ~Script() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

TEST_CASE("a hook's exit status, output and environment") {
  const Script script("echo \"event $OA_HOOK_EVENT\"; echo oops >&2; read line; exit 3");
  const HookOutcome outcome = run_hook_process(
      script.path(), {"OA_HOOK_EVENT=success", "PATH=/usr/bin:/bin"}, milliseconds(10000));
  CHECK(outcome.started);
  CHECK_FALSE(outcome.succeeded());
  CHECK(outcome.exit_status == 3);
  CHECK(outcome.describe() == "exit status 3");
  // stdin is /dev/null: `read` returns at once.
  CHECK(outcome.output == "event success\noops\n");
  CHECK(first_lines(outcome.output, 1) == "\n  | event success");
}

TEST_CASE("a hook that runs too long is killed, with what it started") {
  const Script script("sleep 30 & sleep 30");
  const auto started = std::chrono::steady_clock::now();
  const HookOutcome outcome = run_hook_process(script.path(), {}, milliseconds(300));
  CHECK(outcome.timed_out);
  CHECK_FALSE(outcome.succeeded());
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
}

TEST_CASE("a hook that succeeds; one that cannot be executed") {
  const Script ok("exit 0");
  CHECK(run_hook_process(ok.path(), {}, milliseconds(10000)).succeeded());
  const HookOutcome missing = run_hook_process("/nonexistent/hook", {}, milliseconds(10000));
  CHECK_FALSE(missing.succeeded());
  CHECK(missing.exit_status == 127);
}

TEST_CASE("a hook's output is kept up to kMaxOutput bytes") {
  const Script chatty("i=0; while [ $i -lt 2000 ]; do echo 0123456789; i=$((i+1)); done");
  const HookOutcome outcome = run_hook_process(chatty.path(), {}, milliseconds(10000));
  CHECK(outcome.succeeded());
  CHECK(outcome.output.size() == kMaxOutput);
}

TEST_CASE("a hook is killed as soon as the run stops") {
  const Script slow("sleep 30");
  const auto started = std::chrono::steady_clock::now();
  const HookOutcome outcome = run_hook_process(slow.path(), {}, milliseconds(60000), [&] {
    return std::chrono::steady_clock::now() - started > milliseconds(200);
  });
  CHECK(outcome.stopped);
  CHECK_FALSE(outcome.timed_out);
  CHECK_FALSE(outcome.succeeded());
  CHECK(outcome.describe() == "killed as the run stops");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
}
