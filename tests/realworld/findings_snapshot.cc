#include "realworld/findings_snapshot.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "core/printable_text.h"
#include "engine/runner.h"
#include "load/loader.h"

namespace samshift::testing {

namespace fs = std::filesystem;

namespace {

constexpr char kColumnSeparator = '\t';
constexpr const char* kHeader =
    "# Reviewed lint findings on tests/realworld/corpus: see tests/realworld/README.md.\n"
    "# file\tline:col\tcode\tseverity\tmessage\tverdict\twhy\n";

bool isTemplateFile(const fs::path& path) {
  std::string ext = path.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template";
}

const std::set<std::string>& knownVerdicts() {
  static const std::set<std::string> kVerdicts = {"true", "debatable", "wrong", kUnreviewed};
  return kVerdicts;
}

}  // namespace

std::string ReviewedFinding::finding() const {
  std::string out = file;
  for (const std::string* column : {&position, &code, &severity, &message}) {
    out += kColumnSeparator;
    out += *column;
  }
  return out;
}

CorpusLint lintCorpus(const fs::path& corpusRoot) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(corpusRoot)) {
    if (entry.is_regular_file() && isTemplateFile(entry.path())) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  CorpusLint out;
  out.files = files.size();
  std::vector<ReviewedFinding>& findings = out.findings;
  for (const fs::path& file : files) {
    std::string relative = file.lexically_relative(corpusRoot).generic_string();
    auto document = load::loadFile(file.string());
    if (!document) {
      findings.push_back({relative, "-", "-", "error",
                          core::printableText(document.error().message), kUnreviewed, ""});
      continue;
    }
    engine::LintResult result = engine::lintDocument(document.value(), {});
    for (const core::Diagnostic& d : result.diagnostics) {
      std::string position = "-";
      if (d.span.known()) {
        core::Position at = document->source.position(d.span.begin);
        position = std::to_string(at.line) + ":" + std::to_string(at.column);
      }
      findings.push_back({relative, position, d.code, std::string(core::severityName(d.severity)),
                          core::printableText(d.message), kUnreviewed, ""});
    }
  }
  return out;
}

std::string formatSnapshot(const std::vector<ReviewedFinding>& findings) {
  std::string out = kHeader;
  for (const ReviewedFinding& f : findings) {
    out += f.finding() + kColumnSeparator + f.verdict + kColumnSeparator + f.why + "\n";
  }
  return out;
}

std::vector<ReviewedFinding> parseSnapshot(const std::string& text,
                                           std::vector<std::string>& malformed) {
  std::vector<ReviewedFinding> findings;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line.starts_with("#")) continue;
    std::vector<std::string> columns;
    std::istringstream fields(line);
    for (std::string field; std::getline(fields, field, kColumnSeparator);) {
      columns.push_back(field);
    }
    if (line.ends_with(kColumnSeparator)) columns.emplace_back();  // an empty why
    if (columns.size() != 7) {
      malformed.push_back(line);
      continue;
    }
    findings.push_back(
        {columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], columns[6]});
  }
  return findings;
}

std::vector<std::string> snapshotProblems(const std::vector<ReviewedFinding>& actual,
                                          const std::vector<ReviewedFinding>& reviewed) {
  std::vector<std::string> problems;
  std::multiset<std::string> unmatched;
  for (const ReviewedFinding& f : reviewed) unmatched.insert(f.finding());
  for (const ReviewedFinding& f : actual) {
    auto found = unmatched.find(f.finding());
    if (found == unmatched.end()) {
      problems.push_back("new: " + f.finding());
    } else {
      unmatched.erase(found);
    }
  }
  for (const std::string& gone : unmatched) problems.push_back("gone: " + gone);
  for (const ReviewedFinding& f : reviewed) {
    if (!knownVerdicts().count(f.verdict)) {
      problems.push_back("unknown verdict `" + f.verdict + "`: " + f.finding());
    } else if (f.verdict == kUnreviewed || f.verdict == "wrong") {
      problems.push_back(f.verdict + ": " + f.finding());
    } else if (f.why.empty()) {
      problems.push_back("no why: " + f.finding());
    }
  }
  return problems;
}

std::vector<ReviewedFinding> updateSnapshot(const std::vector<ReviewedFinding>& actual,
                                            const std::vector<ReviewedFinding>& reviewed) {
  std::multimap<std::string, const ReviewedFinding*> reviews;
  for (const ReviewedFinding& f : reviewed) reviews.emplace(f.finding(), &f);
  std::vector<ReviewedFinding> updated;
  for (const ReviewedFinding& f : actual) {
    ReviewedFinding next = f;
    if (auto found = reviews.find(f.finding()); found != reviews.end()) {
      next.verdict = found->second->verdict;
      next.why = found->second->why;
      reviews.erase(found);
    }
    updated.push_back(std::move(next));
  }
  return updated;
}

}  // namespace samshift::testing
