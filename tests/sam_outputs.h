#pragma once
// Comparing `expand` with the real SAM transform's outputs in ../shared/corpus: the SAM translator
// fixtures (three partitions) and the real templates of serverless-patterns, each judged as
// ../shared/tools/sam-conformance and realworld-expand judge them.

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "model/node.h"

namespace samshift::testing {

// A text form in which equal templates are equal: keys sorted, lists compared as multisets (as
// SAM's own test suite compares), 75 and 75.0 alike (Python's ==).
std::string canonicalTemplate(const model::Node& node);

// What expand made of one input, against what SAM made of it.
enum class Verdict {
  kSame,          // the same template, or SAM's rejection with SAM's message
  kUnsupported,   // exit 2: samshift says what it cannot do yet (honest)
  kWrongOutput,   // a template that differs from SAM's: never acceptable
  kFalseAccept,   // SAM rejects, expand prints a template: never acceptable
  kFalseReject,   // SAM accepts, expand rejects: never acceptable
  kOtherMessage,  // both reject, with different messages
  kNoReference,   // SAM's result is missing (the input does not load for SAM either)
};
const char* verdictName(Verdict verdict);

struct Judgement {
  Verdict verdict = Verdict::kNoReference;
  std::string why;  // for anything but kSame
};

// A SAM translator fixture `name` (input/NAME.yaml) in one partition, with the harness's
// parameters (param1, param2) and region.
struct Partition {
  const char* name;
  const char* region;
  const char* outputDir;
};
extern const Partition kPartitions[3];
// SAM's output for the fixture in this partition exists (aws has all; aws-cn and aws-us-gov have
// those whose output differs by partition, error fixtures none).
bool samFixtureHasOutput(const std::string& name, const Partition& partition);
Judgement judgeSamFixture(const std::string& name, const Partition& partition);

// A packaged serverless-patterns template (path relative to the corpus's packaged/ directory),
// in us-east-1 with its own parameter defaults, against output/PATH.json or PATH.rejected.
Judgement judgeRealTemplate(const std::string& relativePath);

// A list of names, one per line, in a file of tests/data (`#` comment lines and blank lines
// skipped), that may only grow: with SAMSHIFT_UPDATE_SNAPSHOTS=1 in the environment,
// `addToList` writes the new names into the file (its comment lines kept, the names sorted).
std::set<std::string> readList(const std::filesystem::path& path);
void addToList(const std::filesystem::path& path, const std::vector<std::string>& names);

}  // namespace samshift::testing
