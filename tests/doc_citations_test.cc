// Code cites the design notes of this repository by file and section, as in
// "docs/sam-semantics.md §4.2". This test keeps those citations true: every cited document exists
// in docs/, every cited section has a numbered heading there, a section is cited together with its
// document (on the same line), and no citation points outside the repository (../shared/…).

#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace fs = std::filesystem;
using samshift::testing::readFile;
using samshift::testing::TempDir;
using samshift::testing::writeFile;

namespace {

// Written as escapes so that this file does not cite anything itself.
const std::string kSectionSign = "\xc2\xa7";
const std::string kDocs = "docs";

// The directories whose source may cite a document, and the files in them that are source.
const char* const kScannedDirectories[] = {"src", "rules", "tests", "scripts", "bench", "fuzz"};

bool isSource(const fs::path& path) {
  static const std::set<std::string> kExtensions = {".h", ".cc", ".py", ".sh", ".build", ".lua"};
  if (path.extension().empty()) return path.parent_path().filename() == "scripts";
  return kExtensions.count(path.extension().string()) != 0;
}

// The section numbers of a Markdown document: "4" for "## 4. The version", "4.2" for
// "### 4.2 Hashed data". Headings inside fenced code blocks do not count.
std::set<std::string> sectionNumbers(const fs::path& document) {
  std::set<std::string> numbers;
  std::istringstream lines(readFile(document));
  std::string line;
  bool fenced = false;
  while (std::getline(lines, line)) {
    if (line.rfind("```", 0) == 0) fenced = !fenced;
    std::string number;
    if (!fenced && RE2::PartialMatch(line, "^#+ ([0-9]+(?:\\.[0-9]+)*)\\.? ", &number)) {
      numbers.insert(number);
    }
  }
  return numbers;
}

// Every broken citation under `root`, as "FILE:LINE: what is wrong".
std::vector<std::string> citationProblems(const fs::path& root) {
  // A document path (with whatever path leads to it) or a section number.
  static const RE2 kCitation("((?:[A-Za-z0-9_.-]+/)*)" + kDocs +
                             "/((?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_.-]+\\.md)|" + kSectionSign +
                             "\\s*([0-9]+(?:\\.[0-9]+)*)");
  std::vector<std::string> problems;
  for (const char* directory : kScannedDirectories) {
    if (!fs::is_directory(root / directory)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / directory)) {
      if (!entry.is_regular_file() || !isSource(entry.path())) continue;
      std::istringstream lines(readFile(entry.path()));
      std::string line;
      for (size_t lineNumber = 1; std::getline(lines, line); ++lineNumber) {
        std::string where = entry.path().lexically_relative(root).string() + ":" +
                            std::to_string(lineNumber) + ": ";
        re2::StringPiece rest(line);
        std::string leadingPath, document, section, cited;
        while (RE2::FindAndConsume(&rest, kCitation, &leadingPath, &document, &section)) {
          if (!document.empty()) {
            cited = document;
            if (leadingPath.find("../") != std::string::npos) {
              problems.push_back(where + "cites " + leadingPath + kDocs + "/" + document +
                                 ", outside the repository");
            } else if (!fs::is_regular_file(root / kDocs / document)) {
              problems.push_back(where + "cites " + kDocs + "/" + document +
                                 ", which does not exist");
            }
          } else if (cited.empty()) {
            problems.push_back(where + "cites " + kSectionSign + section +
                               " without naming its document before it on the line");
          } else if (fs::is_regular_file(root / kDocs / cited) &&
                     sectionNumbers(root / kDocs / cited).count(section) == 0) {
            problems.push_back(where + "cites " + kSectionSign + section + " of " + kDocs + "/" +
                               cited + ", which has no such section");
          }
        }
      }
    }
  }
  return problems;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

}  // namespace

TEST_CASE("every document a comment cites is in the repository, with the section it names",
          "[docs]") {
  std::vector<std::string> problems = citationProblems(".");
  INFO(joined(problems));
  CHECK(problems.empty());
}

TEST_CASE("the citation check reports missing documents and sections, bare and outside citations",
          "[docs]") {
  TempDir temp;
  const fs::path& root = temp.path();
  writeFile(root / kDocs / "note.md",
            "# Note\n\n## 1. First\n\n### 1.2 Second\n\n```\n## 3. In a code block\n```\n");
  const std::string note = kDocs + "/note.md ";
  writeFile(root / "src" / "a.cc",
            "// " + note + kSectionSign + "1 and " + kSectionSign + "1.2, fine\n" +  // line 1
                "// " + note + kSectionSign + "3\n" +                                // line 2
                "// " + kDocs + "/absent.md\n" +                                     // line 3
                "// see " + kSectionSign + "1.2\n" +                                 // line 4
                "// ../shared/" + note + kSectionSign + "1\n");                      // line 5
  writeFile(root / "rules" / "b.yaml", "# " + kDocs + "/absent.md is not source\n");

  std::vector<std::string> problems = citationProblems(root);
  INFO(joined(problems));
  REQUIRE(problems.size() == 4);
  CHECK(problems[0] == "src/a.cc:2: cites " + kSectionSign + "3 of " + kDocs +
                           "/note.md, which has no such section");
  CHECK(problems[1] == "src/a.cc:3: cites " + kDocs + "/absent.md, which does not exist");
  CHECK(problems[2] == "src/a.cc:4: cites " + kSectionSign +
                           "1.2 without naming its document before it on the line");
  CHECK(problems[3] == "src/a.cc:5: cites ../shared/" + kDocs + "/note.md, outside the repository");
}
