#pragma once
// The reviewed real-world snapshot: every lint finding on the templates of tests/realworld/corpus,
// each with a reviewer's verdict and one line of why, kept as one tab-separated line per finding,
// sorted, so that a new, changed or gone finding is one line of diff.

#include <filesystem>
#include <string>
#include <vector>

namespace samshift::testing {

// One finding and its review. What lint says (file to message) identifies it; a reviewer writes
// the verdict and the why.
struct ReviewedFinding {
  std::string file;      // relative to the corpus root, with '/'
  std::string position;  // "line:col" (1-based, columns in characters)
  std::string code;      // "V005"
  std::string severity;  // "error", "warning", "info"
  std::string message;   // as core::printableText prints it: no tab or line break
  std::string verdict;   // "true", "debatable", "wrong" (only until fixed) or "unreviewed"
  std::string why;       // one line: what the template does at that place and why the verdict

  // file, position, code, severity and message: what lint said, without the review.
  std::string finding() const;
};

inline constexpr const char* kUnreviewed = "unreviewed";

struct CorpusLint {
  size_t files = 0;                       // the template files linted
  std::vector<ReviewedFinding> findings;  // unreviewed, in the snapshot's order
};

// Every finding that default lint reports on each .yaml, .yml, .json and .template file under
// `corpusRoot` (files sorted, then lint's order: position, then code).
CorpusLint lintCorpus(const std::filesystem::path& corpusRoot);

// The snapshot file's text and back. Lines starting with '#' are comments; a malformed line is
// returned in `malformed` (the test fails on it).
std::string formatSnapshot(const std::vector<ReviewedFinding>& findings);
std::vector<ReviewedFinding> parseSnapshot(const std::string& text,
                                           std::vector<std::string>& malformed);

// What makes the snapshot test fail, one line each: a finding lint reports that the snapshot does
// not hold ("new: ..."), one the snapshot holds that lint no longer reports ("gone: ..."), a
// reviewed finding whose verdict is unreviewed, wrong or unknown, or that says no why. A changed
// finding is a gone one and a new one. Empty when the snapshot matches and is fully reviewed.
std::vector<std::string> snapshotProblems(const std::vector<ReviewedFinding>& actual,
                                          const std::vector<ReviewedFinding>& reviewed);

// The snapshot to write in update mode: today's findings, each keeping the verdict and why of the
// same finding in `reviewed`, the new ones unreviewed.
std::vector<ReviewedFinding> updateSnapshot(const std::vector<ReviewedFinding>& actual,
                                            const std::vector<ReviewedFinding>& reviewed);

}  // namespace samshift::testing
