// When lint's text report is coloured: --color, NO_COLOR, FORCE_COLOR, TERM=dumb, a terminal.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <string>

#include "cli/color_choice.h"
#include "test_support.h"

using samshift::cli::colorWanted;
using samshift::testing::runSamshift;
using samshift::testing::TempDir;
using samshift::testing::writeFile;

namespace {

bool colored(std::string_view option, bool terminal, std::map<std::string, std::string> env) {
  return colorWanted(option, terminal, [&](const char* name) -> const char* {
    auto found = env.find(name);
    return found == env.end() ? nullptr : found->second.c_str();
  });
}

}  // namespace

TEST_CASE("colour follows --color, then NO_COLOR, FORCE_COLOR, TERM and the terminal",
          "[cli][color]") {
  CHECK(colored("auto", true, {}));
  CHECK_FALSE(colored("auto", false, {}));
  CHECK_FALSE(colored("auto", true, {{"NO_COLOR", "1"}}));
  CHECK(colored("auto", true, {{"NO_COLOR", ""}}));  // empty: as if unset
  CHECK(colored("auto", false, {{"FORCE_COLOR", "1"}}));
  CHECK_FALSE(colored("auto", false, {{"FORCE_COLOR", ""}}));
  CHECK_FALSE(colored("auto", true, {{"NO_COLOR", "1"}, {"FORCE_COLOR", "1"}}));
  CHECK_FALSE(colored("auto", true, {{"TERM", "dumb"}}));
  CHECK(colored("auto", true, {{"TERM", "xterm-256color"}}));
  CHECK(colored("auto", false, {{"TERM", "dumb"}, {"FORCE_COLOR", "3"}}));
  CHECK(colored("always", false, {{"NO_COLOR", "1"}, {"TERM", "dumb"}}));
  CHECK_FALSE(colored("never", true, {{"FORCE_COLOR", "1"}}));
}

TEST_CASE("FORCE_COLOR colours lint's report through a pipe", "[cli][color]") {
  TempDir dir;
  std::string file = (dir.path() / "t.yaml").string();
  writeFile(file, "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Type: AWS::SNS::Topic\n");
  ::setenv("FORCE_COLOR", "1", 1);
  auto forced = runSamshift("lint " + file);
  ::unsetenv("FORCE_COLOR");
  auto plain = runSamshift("lint " + file);
  CHECK(forced.exitCode == 1);
  CHECK(forced.out.find("\x1b[") != std::string::npos);
  CHECK(plain.out.find("\x1b[") == std::string::npos);
}
