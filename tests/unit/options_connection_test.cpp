// parse_options and the places connection settings come from: the DSN
// argument, ~/.my.cnf (in a temporary HOME), --ask-pass, the TLS options.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "argv.h"
#include "cli/options.h"
#include "error.h"

using namespace oa::cli;
using oa::test::Argv;
using oa::test::parse;

namespace {

// A HOME of its own for one test, with a .my.cnf when given its text; the
// previous HOME is restored by the destructor.
class TemporaryHome {
 public:
  explicit TemporaryHome(const std::string& my_cnf = "")
      : dir_(std::filesystem::temp_directory_path() /
             ("oa_home_" + std::to_string(getpid()) + "_" + std::to_string(++counter_))) {
    std::filesystem::create_directories(dir_);
    if (!my_cnf.empty()) std::ofstream(dir_ / ".my.cnf") << my_cnf;
    if (const char* home = std::getenv("HOME")) saved_ = home;
    setenv("HOME", dir_.c_str(), 1);
  }
  ~TemporaryHome() {
    setenv("HOME", saved_.c_str(), 1);
    std::filesystem::remove_all(dir_);
  }
  TemporaryHome(const TemporaryHome&) = delete;
  TemporaryHome& operator=(const TemporaryHome&) = delete;
  std::string path() const { return dir_.string(); }

 private:
  static inline int counter_ = 0;
  std::filesystem::path dir_;
  std::string saved_;
};

const std::vector<std::string> kAlter = {"--alter", "ADD c INT"};

std::vector<std::string> with_alter(std::vector<std::string> args) {
  args.insert(args.end(), kAlter.begin(), kAlter.end());
  return args;
}

}  // namespace

TEST_CASE("~/.my.cnf gives the password only when nothing else does") {
  unsetenv("MYSQL_PWD");
  TemporaryHome home("[client]\nuser=home-user\npassword=from-home\nhost=home-host\n");
  auto r = parse(with_alter({"-D", "d", "-t", "t"}));
  CHECK(r.options.connection.password == "from-home");
  CHECK(r.options.connection.user == "home-user");
  CHECK(r.options.connection.host == "home-host");

  const std::string file = home.path() + "/other.cnf";
  std::ofstream(file) << "[client]\npassword=from-file\n";
  r = parse(with_alter({"-D", "d", "-t", "t", "--defaults-file", file}));
  CHECK(r.options.connection.password == "from-file");
  CHECK(r.options.connection.user == "home-user");  // the file has none

  setenv("MYSQL_PWD", "from-env", 1);
  CHECK(parse(with_alter({"-D", "d", "-t", "t", "--defaults-file", file}))
            .options.connection.password == "from-env");
  CHECK(
      parse(with_alter({"-D", "d", "-t", "t", "-p", "from-option"})).options.connection.password ==
      "from-option");
  unsetenv("MYSQL_PWD");
}

TEST_CASE("no ~/.my.cnf, or no HOME, is no error") {
  unsetenv("MYSQL_PWD");
  TemporaryHome home;
  CHECK(parse(with_alter({"-D", "d", "-t", "t"})).options.connection.password.empty());
  unsetenv("HOME");
  CHECK(parse(with_alter({"-D", "d", "-t", "t"})).options.connection.password.empty());
}

TEST_CASE("a DSN argument gives the connection, database and table") {
  TemporaryHome home;
  Argv a(with_alter({"h=db1,P=3307,u=app,p=dsn-secret,D=shop,t=orders", "--execute"}));
  auto r = parse_options(a.argc(), a.argv());
  CHECK(r.options.connection.host == "db1");
  CHECK(r.options.connection.port == 3307);
  CHECK(r.options.connection.user == "app");
  CHECK(r.options.connection.password == "dsn-secret");
  CHECK(r.options.connection.database == "shop");
  CHECK(r.options.table == "orders");
  CHECK(std::string(a.argv()[1]) == "h=db1,P=3307,u=app,p=**********,D=shop,t=orders");

  CHECK(parse(with_alter({"-D", "shop", "D=shop,t=orders"})).options.table == "orders");
  CHECK(parse({"verify", "D=shop,t=a", "--against", "b"}).options.table == "a");
  CHECK(parse({"cleanup", "D=shop,t=a"}).options.connection.database == "shop");
}

TEST_CASE("a DSN that conflicts with an option, or has an unknown key, is a usage error") {
  TemporaryHome home;
  CHECK_THROWS_WITH_AS(parse(with_alter({"-D", "other", "D=shop,t=orders"})),
                       doctest::Contains("--database other conflicts"), oa::UsageError);
  CHECK_THROWS_WITH_AS(parse(with_alter({"--port", "3306", "P=3307,D=shop,t=orders"})),
                       doctest::Contains("--port 3306 conflicts"), oa::UsageError);
  CHECK_THROWS_WITH_AS(parse(with_alter({"D=shop,t=orders,q=1"})),
                       doctest::Contains("unknown DSN key 'q'"), oa::UsageError);
  CHECK_THROWS_AS(parse(with_alter({"D=shop,t=orders", "D=shop,t=orders"})), oa::UsageError);
  CHECK_THROWS_AS(parse(with_alter({"D=shop,t=orders,P=abc"})), oa::UsageError);
  // The password is hidden in argv even when the DSN is refused.
  Argv a(with_alter({"D=shop,p=hidden,z=1"}));
  CHECK_THROWS_AS(parse_options(a.argc(), a.argv()), oa::UsageError);
  CHECK(std::string(a.argv()[1]) == "D=shop,p=******,z=1");
}

TEST_CASE("--ask-pass is remembered for main(); it excludes a password on the command line") {
  TemporaryHome home;
  CHECK(parse(with_alter({"-D", "d", "-t", "t", "--ask-pass"})).options.ask_password);
  CHECK_FALSE(parse(with_alter({"-D", "d", "-t", "t"})).options.ask_password);
  CHECK_THROWS_AS(parse(with_alter({"-D", "d", "-t", "t", "--ask-pass", "-p", "x"})),
                  oa::UsageError);
  CHECK_THROWS_AS(parse(with_alter({"D=d,t=t,p=x", "--ask-pass"})), oa::UsageError);
}

TEST_CASE("TLS options") {
  TemporaryHome home;
  auto r = parse(with_alter({"-D", "d", "-t", "t", "--ssl-mode", "VERIFY_CA", "--ssl-ca", "/ca"}));
  CHECK(r.options.connection.ssl_mode == oa::db::SslMode::kVerifyCa);
  CHECK(r.options.connection.ssl_ca == "/ca");
  CHECK(parse(with_alter({"-D", "d", "-t", "t"})).options.connection.ssl_mode ==
        oa::db::SslMode::kPreferred);
  CHECK_THROWS_AS(parse(with_alter({"-D", "d", "-t", "t", "--ssl-mode", "VERIFY_CA"})),
                  oa::UsageError);
  CHECK_THROWS_AS(parse({"cleanup", "-D", "d", "-t", "t", "--ssl-mode", "ON"}), oa::UsageError);
}
