#include "sam/layer.h"

#include <cctype>

#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/local_artifacts.h"
#include "sam/resource_properties.h"
#include "sam/s3_uri.h"
#include "sam/version_hash.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

// SamLayerVersion.property_types, in SAM's order.
const SamPropertyType kLayerPropertyTypes[] = {
    {"LayerName", false, oneOf({isSamString, isSamMap})},
    {"Description", false, isSamString},
    {"PublishLambdaVersion", false, isSamBool},
    {"ContentUri", true, oneOf({isSamString, isSamMap})},
    {"CompatibleArchitectures", false, listOf(oneOf({isSamString, isSamMap}))},
    {"CompatibleRuntimes", false, listOf(oneOf({isSamString, isSamMap}))},
    {"LicenseInfo", false, isSamString},
    {"RetentionPolicy", false, isSamString},
};

// The properties _construct_lambda_layer resolves (resolve_string_parameter_in_resource), in its
// order.
constexpr const char* kResolvedProperties[] = {"LayerName", "LicenseInfo", "Description",
                                               "RetentionPolicy"};

constexpr const char* kRetentionOptions = "['Retain', 'Delete']";

// The SAM resource as to_dict() gives it, without DeletionPolicy, UpdateReplacePolicy and
// Metadata: what LogicalIdGenerator hashes.
Node hashedForm(const model::ResourceView& resource, const Node& props) {
  Node samResource = Node::mapping();
  samResource.set("Type", Node::string("AWS::Serverless::LayerVersion"));
  if (truthy(resource.dependsOn)) samResource.set("DependsOn", *resource.dependsOn);
  if (resource.updatePolicy) samResource.set("UpdatePolicy", *resource.updatePolicy);
  if (resource.condition) samResource.set("Condition", *resource.condition);
  Node properties = Node::mapping();
  for (const MapEntry& entry : props.entries()) {
    if (!entry.value.isNull()) properties.set(entry.key.text(), entry.value);
  }
  samResource.set("Properties", std::move(properties));
  Node hashed = Node::mapping();
  hashed.set(std::string(resource.id), std::move(samResource));
  return hashed;
}

// _get_retention_policy_value's answer, or its rejection's message.
struct Retention {
  std::optional<std::string> value;
  std::string problem;
};

Retention retentionOf(const Node* policy) {
  if (!policy || policy->isNull()) return {};
  if (policy->isIntrinsic()) {
    return {std::nullopt,
            std::string("'RetentionPolicy' does not accept intrinsic functions, please use one of "
                        "the following options: ") +
                kRetentionOptions};
  }
  if (!policy->isString()) {
    return {std::nullopt,
            std::string("Invalid 'RetentionPolicy' type, please use one of the following "
                        "options: ") +
                kRetentionOptions};
  }
  std::string lower;
  for (char c : policy->text())
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "retain") return {"Retain", {}};
  if (lower == "delete") return {"Delete", {}};
  return {std::nullopt, std::string("'RetentionPolicy' must be one of the following options: ") +
                            kRetentionOptions + "."};
}

// construct_s3_location_object's rejection of ContentUri; empty when it has none.
std::string contentProblem(const Node& uri, bool& unsure) {
  if (uri.isMapping()) {
    if (!truthy(uri.get("Bucket")) || !truthy(uri.get("Key")))
      return "'ContentUri' requires Bucket and Key properties to be specified.";
    return {};
  }
  if (!uri.isString()) return "'ContentUri' must be of type dict or string.";
  if (hasS3DynamicReference(uri.text())) {
    return "Unsupported dynamic reference detected in 'ContentUri'. Please consider using "
           "alternative 'FunctionCode' object format.";
  }
  S3UriReading reading = readS3Uri(uri.text());
  unsure = reading.kind == S3UriReading::Kind::kUnsure;
  if (reading.kind == S3UriReading::Kind::kInvalid) {
    return "'ContentUri' is not a valid S3 Uri of the form 's3://bucket/key' with optional "
           "versionId query parameter.";
  }
  return {};
}

std::optional<Node> contentOf(const Node& uri) {
  Node content = Node::mapping();
  if (uri.isMapping()) {
    content.set("S3Bucket", *uri.get("Bucket"));
    content.set("S3Key", *uri.get("Key"));
    if (const Node* version = uri.get("Version")) content.set("S3ObjectVersion", *version);
    return content;
  }
  S3UriReading reading = readS3Uri(uri.text());
  if (reading.kind != S3UriReading::Kind::kLocation) return std::nullopt;
  content.set("S3Bucket", Node::string(reading.location.bucket));
  content.set("S3Key", Node::string(reading.location.key));
  if (reading.location.version)
    content.set("S3ObjectVersion", Node::string(*reading.location.version));
  return content;
}

// _validate_architectures: every item that is not an intrinsic is x86_64 or arm64.
bool architecturesValid(const Node* architectures) {
  if (!truthy(architectures) || !architectures->isSequence()) return true;
  for (const Node& item : architectures->items()) {
    if (!item.isIntrinsic() && !item.isString("x86_64") && !item.isString("arm64")) return false;
  }
  return true;
}

}  // namespace

LayerModel readLayer(const model::Template& templ, const model::ResourceView& resource,
                     const ParameterValues& params) {
  LayerModel layer;
  layer.props = propertiesWithGlobals(templ, resource);
  for (const char* key : kResolvedProperties) {
    const Node* value = layer.props.get(key);
    if (!truthy(value)) continue;
    Resolved resolved = params.resolve(*value);
    if (resolved.failure && layer.resolveFailure.empty())
      layer.resolveFailure = resolved.failure->describeForSam();
    layer.props.set(key, std::move(resolved.value));
  }
  layer.retention = retentionOf(layer.props.get("RetentionPolicy")).value;
  layer.logicalId = std::string(resource.id) + versionHash(hashedForm(resource, layer.props));
  if (const Node* uri = layer.props.get("ContentUri")) {
    bool unsure = false;
    if (contentProblem(*uri, unsure).empty() && !unsure) layer.content = contentOf(*uri);
    layer.contentUnsure = unsure;
  }
  return layer;
}

void validateLayer(const model::Template& templ, const model::ResourceView& resource,
                   const ParameterValues& params, std::vector<SamProblem>& out) {
  Node merged = propertiesWithGlobals(templ, resource);
  // A layer without ContentUri is one `sam package` gives the template's directory, as a function
  // without CodeUri (docs/sam-semantics.md §2.7): what SAM finds next is what the deploy meets.
  // Not a layer without Properties: SAM CLI writes the path into a mapping it then drops.
  const Node* givenContent = merged.get("ContentUri");
  bool hasProperties = resource.properties && resource.properties->isMapping();
  if (hasProperties && (!givenContent || givenContent->isNull())) {
    out.push_back(resourceProblem("layer-content-uri-missing",
                                  "Missing required property 'ContentUri'.", resource.idNode));
    merged.set("ContentUri", Node::string(std::string(kS3UriPlaceholder)));
  }
  if (checkSamPropertyTypes(templ, resource, merged, kLayerPropertyTypes, out)) return;
  LayerModel layer = readLayer(templ, resource, params);
  if (!layer.resolveFailure.empty()) return;  // the transform fails: expand says so
  for (const char* key : kResolvedProperties) {
    const Node* value = layer.props.get(key);
    if (!truthy(value) || value->isString() || value->isMapping()) continue;
    out.push_back(resourceProblem(
        "layer-parameter-not-string",
        "Could not resolve parameter for '" + std::string(key) + "' or parameter is not a String.",
        propertySource(templ, resource, key)));
    return;
  }
  Retention retention = retentionOf(layer.props.get("RetentionPolicy"));
  if (!retention.problem.empty()) {
    out.push_back(resourceProblem("layer-retention-policy", retention.problem,
                                  propertySource(templ, resource, "RetentionPolicy")));
    return;
  }
  // The layer has its new logical ID from here on.
  bool unsure = false;
  const Node* uri = layer.props.get("ContentUri");
  std::string content = uri && !uri->isNull() ? contentProblem(*uri, unsure) : "";
  // A local path (`ContentUri: layer/`) is what `sam package` uploads and replaces with an S3
  // location: the checks that follow say what the deploy meets.
  bool local = !content.empty() && localArtifactPath(*uri);
  if (!content.empty()) {
    out.push_back(resourceProblem(local ? "layer-content-uri-local" : "layer-content-uri", content,
                                  propertySource(templ, resource, "ContentUri")));
    out.back().subjectId = layer.logicalId;
    if (!local) return;
  }
  if (architecturesValid(layer.props.get("CompatibleArchitectures"))) return;
  out.push_back(resourceProblem("layer-architectures",
                                "CompatibleArchitectures needs to be a list of 'x86_64' or 'arm64'",
                                propertySource(templ, resource, "CompatibleArchitectures")));
  out.back().subjectId = layer.logicalId;
}

}  // namespace samshift::sam
