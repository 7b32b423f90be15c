#include "cli/run_record_options.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "argv.h"
#include "error.h"

using namespace oa::cli;
using oa::test::parse;

namespace {

const std::vector<std::string> kMigration = {"-D", "d", "-t", "t", "--alter", "x", "--execute"};

std::vector<std::string> with(std::vector<std::string> extra) {
  std::vector<std::string> args = kMigration;
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

// A directory of its own under /tmp, removed with what it holds.
struct TempDir {
  TempDir() {
    char name[] = "/tmp/oa_hooks_XXXXXX";
    path = ::mkdtemp(name);
  }
  ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
  std::string file(const std::string& name, mode_t mode) const {
    const std::string p = path + "/" + name;
    std::ofstream(p) << "#!/bin/sh\n";
    ::chmod(p.c_str(), mode);
    return p;
  }
  std::string path;
};

}  // namespace

TEST_CASE("history is recorded by default in online_alter.history") {
  const Options o = parse(kMigration).options;
  CHECK(o.record_history);
  CHECK(o.history_database == "online_alter");
  CHECK(o.history_table == "history");
  CHECK(o.hook_dir.empty());
  CHECK(o.hook_timeout == 60);
  const Options other = parse(with({"--history-table", "ops.runs", "--no-history"})).options;
  CHECK_FALSE(other.record_history);
  CHECK(other.history_database == "ops");
  CHECK(other.history_table == "runs");
}

TEST_CASE("--history-table takes exactly DB.TABLE") {
  for (const char* bad : {"history", ".t", "d.", "a.b.c"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse(with({"--history-table", bad})), oa::UsageError);
  }
}

TEST_CASE("--hook-dir must exist and hold only executables") {
  TempDir dir;
  dir.file("before-copy", 0755);
  CHECK(parse(with({"--hook-dir", dir.path, "--hook-timeout", "5"})).options.hook_dir == dir.path);
  CHECK_THROWS_AS(parse(with({"--hook-dir", dir.path + "/missing"})), oa::UsageError);
  CHECK_THROWS_AS(parse(with({"--hook-timeout", "0"})), oa::UsageError);
  const std::string plain = dir.file("success", 0644);
  try {
    parse(with({"--hook-dir", dir.path}));
    FAIL("a file that is not executable was accepted");
  } catch (const oa::UsageError& e) {
    CHECK(std::string(e.what()).find(plain) != std::string::npos);
  }
}

TEST_CASE("history: --database and --table narrow, --limit bounds") {
  const Options all = parse({"history"}).options;
  CHECK(all.command == Command::kHistory);
  CHECK(all.history_limit == 20);
  CHECK(all.table.empty());
  const Options some = parse({"history", "-D", "d", "-t", "t", "--limit", "5"}).options;
  CHECK(some.connection.database == "d");
  CHECK(some.table == "t");
  CHECK(some.history_limit == 5);
  CHECK_THROWS_AS(parse({"history", "--limit", "0"}), oa::UsageError);
  CHECK_THROWS_AS(parse({"history", "--alter", "x"}), oa::UsageError);
}
