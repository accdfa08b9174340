// The reviewed real-world snapshot: lint every template of tests/realworld/corpus (498
// serverless-patterns templates, cfn-lint's test templates) as a user would, and compare every
// finding with findings.tsv, where a reviewer judged each one. A new, changed or gone finding
// fails, and so does one not yet reviewed or judged wrong. SAMSHIFT_UPDATE_SNAPSHOTS=1 rewrites
// the file, keeping the verdicts of unchanged findings; README.md here says how to review.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "realworld/findings_snapshot.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace samshift;
using testing::ReviewedFinding;

namespace {

const fs::path kCorpus = "tests/realworld/corpus";
const fs::path kSnapshot = "tests/realworld/findings.tsv";

std::string listed(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

ReviewedFinding reviewedFinding(std::string message, std::string verdict) {
  return {"a/template.yaml",
          "12:7",
          "V005",
          "warning",
          std::move(message),
          std::move(verdict),
          "the parameter reaches only the Description"};
}

}  // namespace

TEST_CASE("realworld: every finding on the real-world corpus is in the reviewed snapshot",
          "[realworld]") {
  testing::CorpusLint linted = testing::lintCorpus(kCorpus);
  // 498 serverless-patterns templates and cfn-lint's 246: a missing corpus would pass with nothing.
  REQUIRE(linted.files == 744);
  const std::vector<ReviewedFinding>& actual = linted.findings;
  std::vector<std::string> malformed;
  std::vector<ReviewedFinding> reviewed =
      testing::parseSnapshot(fs::exists(kSnapshot) ? testing::readFile(kSnapshot) : "", malformed);
  if (std::getenv("SAMSHIFT_UPDATE_SNAPSHOTS")) {
    reviewed = testing::updateSnapshot(actual, reviewed);
    testing::writeFile(kSnapshot, testing::formatSnapshot(reviewed));
  }
  INFO("malformed lines of " << kSnapshot.string() << ":\n" << listed(malformed));
  CHECK(malformed.empty());
  std::vector<std::string> problems = testing::snapshotProblems(actual, reviewed);
  INFO("differences from " << kSnapshot.string() << " (review them: tests/realworld/README.md):\n"
                           << listed(problems));
  CHECK(problems.empty());
}

TEST_CASE("realworld: the comparison names a changed, new, gone or unreviewed finding",
          "[realworld]") {
  std::vector<ReviewedFinding> reviewed = {reviewedFinding("Old message", "true")};
  CHECK(testing::snapshotProblems(reviewed, reviewed).empty());

  SECTION("a changed message is a gone finding and a new one") {
    std::vector<ReviewedFinding> actual = {reviewedFinding("New message", testing::kUnreviewed)};
    CHECK(testing::snapshotProblems(actual, reviewed) ==
          std::vector<std::string>{
              "new: a/template.yaml\t12:7\tV005\twarning\tNew message",
              "gone: a/template.yaml\t12:7\tV005\twarning\tOld message",
          });
  }
  SECTION("a changed severity or position is a change too") {
    ReviewedFinding moved = reviewed[0];
    moved.position = "12:8";
    ReviewedFinding louder = reviewed[0];
    louder.severity = "error";
    CHECK(testing::snapshotProblems({moved}, reviewed).size() == 2);
    CHECK(testing::snapshotProblems({louder}, reviewed).size() == 2);
  }
  SECTION("a finding reported twice but reviewed once is new") {
    CHECK(testing::snapshotProblems({reviewed[0], reviewed[0]}, reviewed) ==
          std::vector<std::string>{"new: a/template.yaml\t12:7\tV005\twarning\tOld message"});
  }
  SECTION("unreviewed, wrong, unknown verdicts and a missing why fail") {
    for (const char* verdict : {"unreviewed", "wrong", "maybe"}) {
      std::vector<ReviewedFinding> judged = {reviewedFinding("Old message", verdict)};
      CHECK(testing::snapshotProblems(judged, judged).size() == 1);
    }
    std::vector<ReviewedFinding> unexplained = {reviewedFinding("Old message", "debatable")};
    unexplained[0].why.clear();
    CHECK(testing::snapshotProblems(unexplained, unexplained) ==
          std::vector<std::string>{"no why: a/template.yaml\t12:7\tV005\twarning\tOld message"});
  }
}

TEST_CASE("realworld: update mode keeps the verdicts of unchanged findings", "[realworld]") {
  std::vector<ReviewedFinding> reviewed = {reviewedFinding("Kept", "debatable"),
                                           reviewedFinding("Gone", "true")};
  std::vector<ReviewedFinding> actual = {reviewedFinding("Kept", testing::kUnreviewed),
                                         reviewedFinding("Added", testing::kUnreviewed)};
  actual[0].why = actual[1].why = "";
  std::vector<ReviewedFinding> updated = testing::updateSnapshot(actual, reviewed);
  REQUIRE(updated.size() == 2);
  CHECK(updated[0].verdict == "debatable");
  CHECK(updated[0].why == "the parameter reaches only the Description");
  CHECK(updated[1].verdict == testing::kUnreviewed);
  CHECK(updated[1].why.empty());
  // The rewritten file reads back as it was written, and still fails until `Added` is reviewed.
  std::vector<std::string> malformed;
  std::vector<ReviewedFinding> reread =
      testing::parseSnapshot(testing::formatSnapshot(updated), malformed);
  CHECK(malformed.empty());
  CHECK(testing::formatSnapshot(reread) == testing::formatSnapshot(updated));
  CHECK(testing::snapshotProblems(actual, reread) ==
        std::vector<std::string>{"unreviewed: a/template.yaml\t12:7\tV005\twarning\tAdded"});
}
