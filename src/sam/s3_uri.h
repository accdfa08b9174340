#pragma once
// SAM's parse_s3_uri (samtranslator/model/s3_utils/uri_parser.py), which reads a URI with
// Python's urllib.parse.urlparse and parse_qs.

#include <optional>
#include <string>
#include <string_view>

namespace samshift::sam {

struct S3Pointer {
  std::string bucket, key;
  std::optional<std::string> version;
};

struct S3UriParse {
  std::optional<S3Pointer> pointer;  // nullopt: SAM finds no S3 URI
  // The URI holds what urlparse or parse_qs treat in ways samshift does not model (percent or
  // plus decoding, fragments, brackets, control characters): the pointer is not known.
  bool unsure = false;
};

// `s3://bucket/key?versionId=v` → {bucket, key, v}; the scheme is case-insensitive, the key is
// the path without its leading slashes, and the version counts only when given exactly once.
S3UriParse parseS3Uri(std::string_view uri);

// True when `uri` holds a dynamic reference construct_s3_location_object refuses
// (`{{resolve:ssm|ssm-secure|secretsmanager:…}}` with a `/`).
bool hasS3DynamicReference(std::string_view uri);

}  // namespace samshift::sam
