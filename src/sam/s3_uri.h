#pragma once
// SAM's reading of an `s3://bucket/key?versionId=v` string (samtranslator/model/s3_utils/
// uri_parser.py, parse_s3_uri, which rests on Python's urllib.parse.urlparse and parse_qs).

#include <optional>
#include <string>
#include <string_view>

namespace samshift::sam {

struct S3Location {
  std::string bucket;
  std::string key;
  std::optional<std::string> version;  // a single `versionId` query value
};

struct S3UriReading {
  enum class Kind { kLocation, kInvalid, kUnsure };
  Kind kind = Kind::kInvalid;
  S3Location location;  // for kLocation
};

// kLocation as SAM parses the text; kInvalid where SAM finds no S3 location (another scheme, no
// bucket, no path, brackets urllib refuses); kUnsure where samshift does not model urllib exactly
// (control characters, non-ASCII host names, percent-encoded or `+` query parts).
S3UriReading readS3Uri(std::string_view uri);

// True when `uri` holds a dynamic reference construct_s3_location_object refuses
// (`{{resolve:ssm|ssm-secure|secretsmanager:…}}` with a `/`).
bool hasS3DynamicReference(std::string_view uri);

}  // namespace samshift::sam
