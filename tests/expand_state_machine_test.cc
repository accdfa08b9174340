// State machines: SAM's reading of a DefinitionUri string (sam::readS3Uri, checked against
// Python 3.11's urlparse and parse_qs), and what expand leaves not supported rather than print a
// template that differs from SAM's. The expansions themselves are golden cases
// (fixtures/expand/state_machine_*).

#include <catch2/catch.hpp>

#include <string>

#include "sam/s3_uri.h"
#include "test_support.h"

using namespace samshift;
using Kind = sam::S3UriReading::Kind;

namespace {

// The location as "bucket|key|version" ("-" without a version), or the kind's name.
std::string reading(const std::string& uri) {
  sam::S3UriReading result = sam::readS3Uri(uri);
  if (result.kind == Kind::kInvalid) return "invalid";
  if (result.kind == Kind::kUnsure) return "unsure";
  const sam::S3Location& location = result.location;
  return location.bucket + "|" + location.key + "|" + location.version.value_or("-");
}

// What expand does not support in a template with one state machine of these properties.
std::string unsupported(const std::string& properties) {
  return testing::expandUnsupported(
      "Transform: AWS::Serverless-2016-10-31\nResources:\n  SM:\n"
      "    Type: AWS::Serverless::StateMachine\n    Properties:\n" +
      properties);
}

}  // namespace

TEST_CASE("a DefinitionUri string as SAM's parse_s3_uri reads it", "[expand][sam]") {
  CHECK(reading("s3://bucket/dir/key.json") == "bucket|dir/key.json|-");
  CHECK(reading("S3://bucket/key") == "bucket|key|-");
  CHECK(reading("s3://bucket/key?versionId=3") == "bucket|key|3");
  CHECK(reading("s3://bucket/key?a=1&versionId=x#frag") == "bucket|key|x");
  // parse_qs drops blank values; two values are no version.
  CHECK(reading("s3://bucket/key?versionId=") == "bucket|key|-");
  CHECK(reading("s3://bucket/key?versionId=1&versionId=2") == "bucket|key|-");
  CHECK(reading("s3://bucket/key#f?versionId=2") == "bucket|key|-");
  CHECK(reading("s3://bucket/") == "bucket||-");
  CHECK(reading("s3://bucket//key") == "bucket|key|-");
  CHECK(reading("s3://u@bucket:1/key") == "u@bucket:1|key|-");
  CHECK(reading("s3://bucket/a key;x") == "bucket|a key;x|-");
  CHECK(reading("s3://bucket") == "invalid");
  CHECK(reading("s3:bucket/key") == "invalid");
  CHECK(reading("s3:///key") == "invalid");
  CHECK(reading("https://bucket/key") == "invalid");
  CHECK(reading("statemachine/definition.asl.json") == "invalid");
  CHECK(reading("") == "invalid");
  CHECK(reading("s3://bucket/key?versionId=a%20b") == "unsure");
  CHECK(reading("s3://bucket/key?versionId=a+b") == "unsure");
  CHECK(reading("s3://[::1]/key") == "unsure");
  CHECK(reading(" s3://bucket/key") == "unsure");
  CHECK(reading("s3://bucket\t/key") == "unsure");
  CHECK(reading("s3://bücket/key") == "unsure");
}

TEST_CASE("state machine values expand does not write as SAM would stay not supported",
          "[expand]") {
  CHECK(unsupported("      DefinitionUri: s3://b/k\n") == "");
  // SAM takes any mapping of one key for an intrinsic, and lets it pass the property types.
  CHECK(unsupported("      DefinitionUri: s3://b/k\n      Name: {Anything: 1}\n      Role: "
                    "{Statement: 1}\n      PropagateTags: {Enabled: [1]}\n") == "");
  // Python's dict merges the keys 1 and true; json.dumps writes them as "1".
  CHECK(unsupported("      DefinitionUri: s3://b/k\n      Tags: {1: a, true: b}\n") ==
        "a tag key that is not a string in state machine SM");
  CHECK(unsupported("      DefinitionUri: s3://b/k?versionId=a%20b\n") ==
        "DefinitionUri s3://b/k?versionId=a%20b of state machine SM (characters whose reading by "
        "Python's urllib samshift does not model)");
  CHECK(unsupported("      Definition: {StartAt: A, 1: x}\n") ==
        "a Definition key that is not a string in state machine SM");
}
