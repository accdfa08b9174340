#pragma once
// Helpers shared by the tests: files, the shared corpus, running the samshift binary.

#include <filesystem>
#include <string>

#include "model/node.h"

namespace samshift::testing {

// A template with one finding, T002 (duplicate-key) at 4:5: what command-line tests lint to see
// which files were linted and how.
inline constexpr const char* kDuplicateKeyTemplate =
    "Resources:\n"
    "  Queue:\n"
    "    Type: AWS::SQS::Queue\n"
    "    Type: AWS::SNS::Topic\n";

std::string readFile(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, const std::string& text);
// Checks `actual` against the snapshot file, or rewrites it when SAMSHIFT_UPDATE_SNAPSHOTS is set.
void compareSnapshot(const std::string& actual, const std::filesystem::path& expectedPath);

// YAML (or JSON) text as a node tree; the test fails when it does not parse.
model::Node parseYaml(const std::string& text);

// What `samshift expand` reports as not supported in this template (in us-east-1, no
// parameters); "" when it expands it. The test fails when SAM would reject the template.
std::string expandUnsupported(const std::string& templateText);

// ../shared/corpus beside the checkout, when present.
std::filesystem::path corpusRoot();
bool corpusPresent();

struct CommandResult {
  int exitCode = -1;
  std::string out;
  std::string err;
};
// Runs the built samshift with these arguments (a shell-quoted string) and optional stdin text.
CommandResult runSamshift(const std::string& arguments, const std::string& stdinText = "");

// A fresh temporary directory, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace samshift::testing
