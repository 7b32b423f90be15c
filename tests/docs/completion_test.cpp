// scripts/completion/online-alter.bash, run in bash against the built program:
// it offers the subcommands, every long option each subcommand's --help
// lists, and file names after the options that take a file.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "help_text.h"
#include "source_tree.h"

using namespace oa::docs;

namespace {

// What the completion function replies when the command line is `words`, the
// last of them being completed; the first word is the program.
std::set<std::string> complete(std::vector<std::string> words) {
  words.insert(words.begin(), program_path());
  std::string command =
      "bash --norc --noprofile -c 'source \"$1\"; shift; COMP_WORDS=(\"$@\"); "
      "COMP_CWORD=$(($# - 1)); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; _online_alter; "
      "printf \"%s\\n\" \"${COMPREPLY[@]}\"' completion " +
      shell_quote(source_path("scripts/completion/online-alter.bash"));
  for (const std::string& word : words) command += " " + shell_quote(word);
  std::set<std::string> replies;
  std::istringstream in(run_shell(command));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) replies.insert(line);
  }
  return replies;
}

std::string leading_words(const std::string& subcommand) {
  return subcommand.empty() ? "online-alter" : "online-alter " + subcommand;
}

std::vector<std::string> with_subcommand(const std::string& subcommand,
                                         std::vector<std::string> words) {
  if (!subcommand.empty()) words.insert(words.begin(), subcommand);
  return words;
}

}  // namespace

TEST_CASE("the completion offers the subcommands as the first word") {
  const std::set<std::string> replies = complete({""});
  for (const std::string& subcommand : subcommands()) {
    if (!subcommand.empty()) CHECK(replies.count(subcommand) == 1);
  }
  CHECK(complete({"ver"}) == std::set<std::string>{"verify"});
}

TEST_CASE("the completion offers every long option of each subcommand's --help") {
  for (const std::string& subcommand : subcommands()) {
    CAPTURE(subcommand);
    std::set<std::string> expected;
    for (const HelpOption& option : help_options(subcommand)) expected.insert("--" + option.name);
    CHECK(complete(with_subcommand(subcommand, {"--"})) == expected);
  }
  // Only the subcommand's own: verify has no --alter, the migration no --against.
  CHECK(complete({"verify", "--al"}).empty());
  CHECK(complete({"--again"}).empty());
}

TEST_CASE("the completion offers file names after every option whose value is a file") {
  char directory_template[] = "/tmp/online-alter-completion.XXXXXX";
  REQUIRE(mkdtemp(directory_template) != nullptr);
  const std::string directory = directory_template;
  const std::string file = directory + "/hold-the-swap";
  std::ofstream(file).put('\n');
  int file_options = 0;
  for (const std::string& subcommand : subcommands()) {
    for (const HelpOption& option : help_options(subcommand)) {
      const std::string name = "--" + option.name;
      if (name.size() < 5 || name.compare(name.size() - 5, 5, "-file") != 0) continue;
      CAPTURE(leading_words(subcommand) + " " + name);
      const std::set<std::string> expected = {file};
      CHECK(complete(with_subcommand(subcommand, {name, directory + "/ho"})) == expected);
      CHECK(complete(with_subcommand(subcommand, {name, "=", directory + "/ho"})) == expected);
      CHECK(complete(with_subcommand(subcommand, {name + "=" + directory + "/ho"})) ==
            std::set<std::string>{name + "=" + file});
      ++file_options;
    }
  }
  CHECK(file_options >= 3);  // --defaults-file, --pause-file, --postpone-cutover-file
  // A value that is no file name is not completed as one.
  CHECK(complete({"--database", directory + "/ho"}).empty());
  std::remove(file.c_str());
  std::remove(directory.c_str());
}

TEST_CASE("the completion offers the methods of --alter-foreign-keys-method") {
  CHECK(complete({"--alter-foreign-keys-method", ""}) ==
        std::set<std::string>{"none", "rebuild_constraints"});
}
