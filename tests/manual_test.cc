// The manual page documents every option each command's --help lists, and mandoc finds nothing
// in it to warn about.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <regex>
#include <set>
#include <string>

#include "test_support.h"

using samshift::testing::readFile;
using samshift::testing::runSamshift;

namespace {

// `--strict-uris` as roff writes it: `\-\-strict\-uris`.
std::string roffOption(const std::string& option) {
  std::string out;
  for (char c : option) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out;
}

}  // namespace

TEST_CASE("samshift(1) lists every option of every command", "[cli][manual]") {
  std::string manual = readFile("man/samshift.1");
  const std::regex option(R"((?:^|[ ,\[`])(--?[a-z][a-z-]*))");
  for (const char* command : {"lint", "rules", "rule", "plan", "expand", "lsp"}) {
    std::string help = runSamshift(std::string("help ") + command).out;
    std::set<std::string> options;
    for (auto it = std::sregex_iterator(help.begin(), help.end(), option);
         it != std::sregex_iterator(); ++it) {
      options.insert((*it)[1]);
    }
    CHECK(options.size() >= 2);  // the pattern reads the help text
    for (const std::string& name : options) {
      INFO(command << " " << name);
      CHECK(manual.find(roffOption(name)) != std::string::npos);
    }
  }
}

TEST_CASE("samshift(1) passes mandoc -Tlint", "[cli][manual]") {
  if (std::system("command -v mandoc >/dev/null 2>&1") != 0) {
    WARN("mandoc is absent: manual lint skipped");
    return;
  }
  // Style notes (lines over 80 bytes) are not faults; warnings and errors are.
  CHECK(std::system("mandoc -Tlint -Wwarning man/samshift.1") == 0);
}
