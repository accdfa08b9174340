#include "expand/layer.h"

#include "expand/builders.h"
#include "expand/version_hash.h"
#include "sam/globals.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

std::string expandLayer(ExpandContext& ctx, const model::ResourceView& resource) {
  std::string id(resource.id);
  Node props = sam::propertiesWithGlobals(ctx.templ, resource);
  // SAM resolves these two against parameters before it hashes and emits the layer.
  for (const char* key : {"LayerName", "LicenseInfo"}) {
    if (const Node* value = props.get(key)) props.set(key, ctx.resolve(*value));
  }
  Node out = Node::mapping();
  if (!props.has("LayerName")) out.set("LayerName", str(id));
  for (const MapEntry& entry : props.entries()) {
    const std::string& key = entry.key.text();
    if (key == "ContentUri") {
      const Node& uri = entry.value;
      if (!uri.isString() || uri.text().rfind("s3://", 0) != 0 ||
          uri.text().find('/', 5) == std::string::npos) {
        ctx.notSupported("ContentUri of layer " + id + " (only s3:// URIs)");
        return {};
      }
      std::string rest = uri.text().substr(5);
      size_t slash = rest.find('/');
      std::string key2 = rest.substr(slash + 1);
      Node content = map({{"S3Bucket", str(rest.substr(0, slash))}});
      if (size_t q = key2.find("?versionId="); q != std::string::npos) {
        content.set("S3Key", str(key2.substr(0, q)));
        content.set("S3ObjectVersion", str(key2.substr(q + 11)));
      } else {
        content.set("S3Key", str(key2));
      }
      out.set("Content", content);
    } else if (key == "LayerName" || key == "Description" || key == "LicenseInfo") {
      out.set(key, entry.value);
    } else if (key == "CompatibleRuntimes" || key == "CompatibleArchitectures") {
      out.set(key, entry.value);
    } else if (key != "PublishLambdaVersion") {
      ctx.notSupported("property " + key + " of AWS::Serverless::LayerVersion " + id);
    }
  }
  // The ID hashes the SAM resource as written (after Globals): {id: {Type, DependsOn, UpdatePolicy,
  // Condition, Properties}}; SamLayerVersion.to_cloudformation leaves DeletionPolicy,
  // UpdateReplacePolicy and Metadata out of the hash (the hash sorts keys: the order is free).
  Node samResource = Node::mapping();
  samResource.set("Type", str("AWS::Serverless::LayerVersion"));
  samResource.set("Properties", props);
  if (resource.dependsOn) samResource.set("DependsOn", *resource.dependsOn);
  if (resource.updatePolicy) samResource.set("UpdatePolicy", *resource.updatePolicy);
  if (resource.condition) samResource.set("Condition", *resource.condition);
  Node hashed = Node::mapping();
  hashed.set(id, samResource);
  std::string newId = id + versionHash(hashed);
  if (props.has("RetentionPolicy")) ctx.notSupported("RetentionPolicy of layer " + id);
  // DependsOn and the pass-through attributes only, DeletionPolicy Retain added last when absent.
  Node layer = Node::mapping();
  layer.set("Type", str("AWS::Lambda::LayerVersion"));
  if (resource.dependsOn) layer.set("DependsOn", *resource.dependsOn);
  if (resource.condition) layer.set("Condition", *resource.condition);
  if (resource.deletionPolicy) layer.set("DeletionPolicy", *resource.deletionPolicy);
  if (resource.updateReplacePolicy) layer.set("UpdateReplacePolicy", *resource.updateReplacePolicy);
  if (!resource.deletionPolicy) layer.set("DeletionPolicy", str("Retain"));
  layer.set("Properties", std::move(out));
  ctx.add(newId, std::move(layer));
  return newId;
}

}  // namespace samshift::expand
