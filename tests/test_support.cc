#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <catch2/catch.hpp>

#include "expand/expander.h"
#include "load/loader.h"
#include "model/template.h"
#include "sam/parameter_values.h"

namespace samshift::testing {

namespace fs = std::filesystem;

model::Node parseYaml(const std::string& text) {
  model::Document document = load::loadText("test.yaml", text);
  REQUIRE(document.parsed);
  return document.root;
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void writeFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

void compareSnapshot(const std::string& actual, const fs::path& expectedPath) {
  if (std::getenv("SAMSHIFT_UPDATE_SNAPSHOTS")) {
    writeFile(expectedPath, actual);
    return;
  }
  REQUIRE(fs::exists(expectedPath));
  CHECK(actual == readFile(expectedPath));
}

fs::path corpusRoot() { return fs::path("..") / "shared" / "corpus"; }

bool corpusPresent() { return fs::is_directory(corpusRoot() / "sam-translator" / "input"); }

TempDir::TempDir() {
  std::random_device random;
  path_ = fs::temp_directory_path() / ("samshift-test-" + std::to_string(random()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

CommandResult runSamshift(const std::string& arguments, const std::string& stdinText) {
  TempDir dir;
  fs::path in = dir.path() / "stdin";
  fs::path out = dir.path() / "stdout";
  fs::path err = dir.path() / "stderr";
  writeFile(in, stdinText);
  std::string command = std::string(SAMSHIFT_BINARY) + " " + arguments + " <" + in.string() + " >" +
                        out.string() + " 2>" + err.string();
  int status = std::system(command.c_str());
  CommandResult result;
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = readFile(out);
  result.err = readFile(err);
  return result;
}

std::string expandUnsupported(const std::string& templateText) {
  model::Document document = load::loadText("t.yaml", templateText);
  REQUIRE(document.parsed);
  model::Template templ(document.root);
  sam::ParameterValues params(templ, {}, "us-east-1");
  expand::ExpandResult result = expand::expandTemplate(document.root, params);
  REQUIRE(result.errors.empty());
  return result.unsupported.value_or("");
}

}  // namespace samshift::testing
