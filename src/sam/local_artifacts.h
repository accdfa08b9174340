#pragma once
// Local artifact paths, as a project fresh from `sam init` holds them (`CodeUri: hello_world/`,
// `ContentUri: layer/`, `DefinitionUri: statemachine/flow.asl.json`, a Zip function with no
// CodeUri, an Image function built from a Dockerfile). The SAM transform rejects them; `sam
// package` uploads them and writes their S3 location. `sam validate` (SAM CLI
// samcli/lib/translate/sam_template_validator.py, _replace_local_codeuri and
// _replace_local_image) writes fixed placeholders instead, and so does `samshift expand` unless
// told to be strict: the output then names the placeholders, and a logical ID hashed from the
// code (a Lambda version, a layer) differs from the one a real package gives.

#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"

namespace samshift::sam {

// Where a property holds an artifact `sam validate` replaces: `whenAbsent` inserts the
// placeholder when the property is missing too (SAM CLI reads a missing one as ".", the
// template's directory, which `sam package` uploads).
struct ArtifactProperty {
  std::string_view resourceType;
  std::string_view property;
  bool whenAbsent;
};
// CodeUri only of a Zip function (PackageType absent or "Zip"); Globals.Function.CodeUri too when
// every resource and every Globals section is Zip.
inline constexpr ArtifactProperty kArtifactProperties[] = {
    {"AWS::Serverless::Function", "CodeUri", true},
    {"AWS::Serverless::LayerVersion", "ContentUri", true},
    {"AWS::Serverless::Api", "DefinitionUri", false},
    {"AWS::Serverless::HttpApi", "DefinitionUri", false},
    {"AWS::Serverless::StateMachine", "DefinitionUri", false},
};

inline constexpr std::string_view kS3UriPlaceholder = "s3://bucket/value";
// Given to an Image function whose Metadata names a Dockerfile and that has no ImageUri.
inline constexpr std::string_view kImageUriPlaceholder =
    "111111111111.dkr.ecr.region.amazonaws.com/repository";

// An Image function's resource whose Metadata names a Dockerfile: `sam build` builds its image and
// writes its ImageUri (what kImageUriPlaceholder stands for).
bool imageBuiltFromDockerfile(const model::Node& resource);

// A local path, which `sam package` uploads: a non-empty string without a scheme ("src/",
// "./layer", "flow.asl.json"). `sam validate` replaces any value but a mapping or an s3:// URI;
// samshift leaves the others (an https:// URL, a number) to SAM's rejection, as `sam package`
// would fail on them.
bool localArtifactPath(const model::Node& value);

// Writes the placeholders into `root` as `sam validate` does for local paths (and for a missing
// or null value where it inserts one), but for one case: a function without CodeUri is given
// none when Globals.Function has one (`sam validate` would write its
// placeholder over an S3 URI of Globals; `sam package` keeps that URI, and so does expand).
// Returns where, as paths ("Resources.Fn.Properties.CodeUri"), in template order.
std::vector<std::string> replaceLocalArtifacts(model::Node& root);

}  // namespace samshift::sam
