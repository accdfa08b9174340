#include "sam/local_artifacts.h"

#include "sam/deployment_model.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

// SAM CLI's `dict.get("PackageType", "Zip") == "Zip"` on a resource's or a section's properties.
bool zipPackage(const Node* properties) {
  const Node* packageType =
      properties && properties->isMapping() ? properties->get("PackageType") : nullptr;
  return !packageType || packageType->isString("Zip");
}

// _update_to_s3_uri: a missing value counts as "." when `whenAbsent`.
void replaceArtifact(Node& properties, std::string_view property, bool whenAbsent,
                     std::string_view placeholder, const std::string& where,
                     std::vector<std::string>& replaced) {
  Node* value = properties.get(property);
  bool absent = !value || value->isNull();
  if (absent ? !whenAbsent : !localArtifactPath(*value)) return;
  Node text = Node::string(std::string(placeholder));
  if (value) text.setSpan(value->span());
  properties.set(property, std::move(text));
  replaced.push_back(where + "." + std::string(property));
}

bool allZip(const Node& resources, const Node& globals) {
  for (const MapEntry& entry : resources.entries()) {
    if (entry.value.isMapping() && !zipPackage(entry.value.get("Properties"))) return false;
  }
  for (const MapEntry& entry : globals.entries()) {
    if (!zipPackage(&entry.value)) return false;
  }
  return true;
}

}  // namespace

bool localArtifactPath(const Node& value) {
  return value.isString() && !value.text().empty() && value.text().find("://") == std::string::npos;
}

std::vector<std::string> replaceLocalArtifacts(Node& root) {
  std::vector<std::string> replaced;
  if (!root.isMapping()) return replaced;
  Node* resources = root.get("Resources");
  if (!resources || !resources->isMapping()) return replaced;
  bool globalCodeUri = false;
  if (Node* globals = root.get("Globals"); globals && globals->isMapping()) {
    Node* function = globals->get("Function");
    if (function && function->isMapping() && allZip(*resources, *globals)) {
      replaceArtifact(*function, "CodeUri", true, kS3UriPlaceholder, "Globals.Function", replaced);
    }
    globalCodeUri = function && function->isMapping() && function->has("CodeUri");
  }
  for (MapEntry& entry : resources->entries()) {
    Node& resource = entry.value;
    // SAM CLI reads `resource.get("Properties", {})`: without Properties, what it writes is lost.
    Node* properties = resource.isMapping() ? resource.get("Properties") : nullptr;
    const Node* type = resource.isMapping() ? resource.get("Type") : nullptr;
    if (!properties || !properties->isMapping() || !type || !type->isString()) continue;
    std::string where = "Resources." + entry.key.text() + ".Properties";
    bool function = type->isString("AWS::Serverless::Function");
    for (const ArtifactProperty& artifact : kArtifactProperties) {
      if (type->text() != artifact.resourceType || (function && !zipPackage(properties))) continue;
      // Unlike `sam validate`, a function without CodeUri keeps the one of Globals, as
      // `sam package` does (its Template._apply_global_values): an S3 URI there stays.
      bool whenAbsent = artifact.whenAbsent && !(function && globalCodeUri);
      replaceArtifact(*properties, artifact.property, whenAbsent, kS3UriPlaceholder, where,
                      replaced);
    }
    // _replace_local_image: an Image function built from a Dockerfile, without ImageUri.
    if (function && imageBuiltFromDockerfile(resource) && !properties->has("ImageUri")) {
      properties->set("ImageUri", Node::string(std::string(kImageUriPlaceholder)));
      replaced.push_back(where + ".ImageUri");
    }
  }
  return replaced;
}

bool imageBuiltFromDockerfile(const Node& resource) {
  const Node* properties = resource.isMapping() ? resource.get("Properties") : nullptr;
  const Node* packageType =
      properties && properties->isMapping() ? properties->get("PackageType") : nullptr;
  const Node* metadata = resource.isMapping() ? resource.get("Metadata") : nullptr;
  const Node* dockerfile =
      metadata && metadata->isMapping() ? metadata->get("Dockerfile") : nullptr;
  return packageType && packageType->isString("Image") && dockerfile && pythonTruthy(*dockerfile);
}

}  // namespace samshift::sam
