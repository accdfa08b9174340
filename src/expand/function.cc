// AWS::Serverless::Function → AWS::Lambda::Function (and, through the other emitters, its role,
// version, alias, URL, invoke config, CodeDeploy settings and event sources).

#include <algorithm>

#include "expand/function.h"

#include "expand/builders.h"
#include "expand/capacity_provider.h"
#include "expand/function_state.h"
#include "sam/globals.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

Node FunctionState::target() const { return ref(aliasId ? *aliasId : id); }

Node FunctionState::arn() const { return aliasId ? ref(*aliasId) : getAtt(id, "Arn"); }

const Node* FunctionState::propagatedTags() const {
  const Node* propagate = property("PropagateTags");
  const Node* tags = property("Tags");
  bool on = propagate && propagate->isBool() && propagate->boolValue();
  return on && tags && tags->isMapping() && !tags->entries().empty() ? tags : nullptr;
}

Node tagList(const Node* tags, bool samTag) {
  Node list = Node::sequence();
  if (samTag) list.push(map({{"Key", str("lambda:createdBy")}, {"Value", str("SAM")}}));
  if (tags && tags->isMapping()) {
    for (const MapEntry& entry : tags->entries()) {
      list.push(map({{"Key", str(entry.key.text())}, {"Value", entry.value}}));
    }
  }
  return list;
}

namespace {

// `s3://bucket/key?versionId=v` → {S3Bucket, S3Key[, S3ObjectVersion]}.
std::optional<Node> s3Location(const std::string& uri) {
  if (uri.rfind("s3://", 0) != 0) return std::nullopt;
  std::string rest = uri.substr(5);
  size_t slash = rest.find('/');
  if (slash == std::string::npos || slash == 0) return std::nullopt;
  Node code = Node::mapping();
  code.set("S3Bucket", str(rest.substr(0, slash)));
  std::string key = rest.substr(slash + 1);
  std::string version;
  if (size_t q = key.find('?'); q != std::string::npos) {
    std::string query = key.substr(q + 1);
    key = key.substr(0, q);
    if (query.rfind("versionId=", 0) == 0) version = query.substr(10);
  }
  if (key.empty()) return std::nullopt;
  code.set("S3Key", str(key));
  if (!version.empty()) code.set("S3ObjectVersion", str(version));
  return code;
}

std::optional<Node> codeDict(ExpandContext& ctx, FunctionState& fn) {
  const Node* packageType = fn.property("PackageType");
  if (packageType && sam::pythonTruthy(*packageType) && !packageType->isString("Zip") &&
      !packageType->isString("Image")) {
    // validateSamResource words SAM's rejection of a scalar; of another value SAM prints a repr.
    ctx.notSupported("PackageType of function " + fn.id + " that is not a string");
    return std::nullopt;
  }
  if (const Node* image = fn.property("ImageUri");
      image && packageType && packageType->isString("Image")) {
    return map({{"ImageUri", *image}});
  }
  if (const Node* inlineCode = fn.property("InlineCode"); inlineCode && !inlineCode->isNull()) {
    Node code = map({{"ZipFile", *inlineCode}});
    if (const Node* kms = fn.property("SourceKMSKeyArn")) code.set("SourceKMSKeyArn", *kms);
    return code;
  }
  const Node* codeUri = fn.property("CodeUri");
  if (!codeUri) {
    if (const Node* image = fn.property("ImageUri")) return map({{"ImageUri", *image}});
    ctx.notSupported("function " + fn.id + " without CodeUri, InlineCode or ImageUri");
    return std::nullopt;
  }
  Node code;
  if (codeUri->isString()) {
    auto location = s3Location(codeUri->text());
    if (!location) {
      ctx.notSupported("CodeUri '" + codeUri->text() + "' of function " + fn.id +
                       " (only s3:// URIs)");
      return std::nullopt;
    }
    code = *location;
  } else if (codeUri->isMapping() && !codeUri->isIntrinsic() && codeUri->has("Bucket") &&
             codeUri->has("Key")) {
    code = Node::mapping();
    code.set("S3Bucket", *codeUri->get("Bucket"));
    code.set("S3Key", *codeUri->get("Key"));
    if (const Node* version = codeUri->get("Version")) code.set("S3ObjectVersion", *version);
  } else {
    ctx.notSupported("CodeUri of function " + fn.id +
                     " (only an s3:// URI or {Bucket, Key, Version})");
    return std::nullopt;
  }
  if (const Node* kms = fn.property("SourceKMSKeyArn")) code.set("SourceKMSKeyArn", *kms);
  return code;
}

// SAM properties copied to the Lambda function as written, in SAM's order.
constexpr const char* kCopied[] = {"FunctionName", "Handler",    "Runtime",
                                   "Description",  "MemorySize", "Timeout",
                                   "VpcConfig",    "Role",       "Environment"};
constexpr const char* kCopiedAfterCode[] = {"KmsKeyArn",
                                            "ReservedConcurrentExecutions",
                                            "Layers",
                                            "FileSystemConfigs",
                                            "ImageConfig",
                                            "PackageType",
                                            "Architectures",
                                            "SnapStart",
                                            "EphemeralStorage",
                                            "CodeSigningConfigArn",
                                            "RuntimeManagementConfig",
                                            "LoggingConfig",
                                            "RecursiveLoop",
                                            "TenancyConfig",
                                            "DurableConfig",
                                            "FunctionScalingConfig",
                                            "PublishToLatestPublished"};

// Properties samshift expands in other ways than copying them (above); anything that is in none
// of these lists is refused rather than dropped.
constexpr const char* kExpanded[] = {"CodeUri",
                                     "InlineCode",
                                     "ImageUri",
                                     "SourceKMSKeyArn",
                                     "DeadLetterQueue",
                                     "Tags",
                                     "PropagateTags",
                                     "Tracing",
                                     "Policies",
                                     "PermissionsBoundary",
                                     "RolePath",
                                     "AssumeRolePolicyDocument",
                                     "AutoPublishAlias",
                                     "AutoPublishAliasAllProperties",
                                     "AutoPublishCodeSha256",
                                     "VersionDescription",
                                     "VersionDeletionPolicy",
                                     "ProvisionedConcurrencyConfig",
                                     "DeploymentPreference",
                                     "Events",
                                     "EventInvokeConfig",
                                     "FunctionUrlConfig",
                                     "CapacityProviderConfig"};

// The value SAM copies for a property: none for null (SAM's to_dict leaves out None), nor for a
// Python-false FunctionScalingConfig (`if self.FunctionScalingConfig:`).
const Node* copiedValue(const FunctionState& fn, std::string_view key) {
  const Node* value = fn.property(key);
  if (!value || value->isNull()) return nullptr;
  if (key == "FunctionScalingConfig" && !sam::pythonTruthy(*value)) return nullptr;
  return value;
}

}  // namespace

void buildLambdaFunction(ExpandContext& ctx, FunctionState& fn) {
  for (const MapEntry& entry : fn.props.entries()) {
    const std::string& key = entry.key.text();
    auto listed = [&key](const auto& names) {
      return std::find(std::begin(names), std::end(names), key) != std::end(names);
    };
    if (!listed(kCopied) && !listed(kCopiedAfterCode) && !listed(kExpanded)) {
      ctx.notSupported("property " + key + " of AWS::Serverless::Function " + fn.id);
    }
  }
  Node& out = fn.lambdaProps;
  for (const char* key : kCopied) {
    if (const Node* value = copiedValue(fn, key)) out.set(key, *value);
  }
  if (auto code = codeDict(ctx, fn)) {
    // SAM resolves Code against parameter values in place, but only for published functions.
    out.set("Code", fn.deployment.aliasName() ? ctx.resolve(*code) : *code);
  }
  out.set("Tags", tagList(fn.property("Tags"), true));
  for (const char* key : kCopiedAfterCode) {
    if (const Node* value = copiedValue(fn, key)) out.set(key, *value);
  }
  if (const Node* tracing = fn.property("Tracing"); tracing && sam::pythonTruthy(*tracing)) {
    Node resolved = ctx.resolve(*tracing);
    if (!resolved.isString("Disabled")) out.set("TracingConfig", map({{"Mode", *tracing}}));
  }
  // validateSamResource has rejected a DeadLetterQueue without Type and TargetArn.
  if (const Node* dlq = fn.property("DeadLetterQueue"); dlq && sam::pythonTruthy(*dlq))
    out.set("DeadLetterConfig", map({{"TargetArn", *dlq->get("TargetArn")}}));
  if (const Node* capacity = fn.property("CapacityProviderConfig")) {
    transformCapacityProviderConfig(ctx, fn, *capacity);
  }
}

void expandFunction(ExpandContext& ctx, const model::ResourceView& resource) {
  FunctionInputs inputs;
  if (auto read = ctx.functionInputs.find(resource.id); read != ctx.functionInputs.end()) {
    inputs = std::move(read->second);
    ctx.functionInputs.erase(read);
  } else {
    inputs.properties = sam::propertiesWithGlobals(ctx.templ, resource);
    inputs.deployment =
        sam::readDeploymentModel(ctx.templ, resource, ctx.params, &inputs.properties);
  }
  auto& deployment = inputs.deployment;
  if (const sam::Setting* setting = deployment->unresolvable()) {
    ctx.notSupported(setting->unresolvable->describeForSam());
  }
  for (const auto& [key, setting] : deployment->resolvedSettings()) {
    if (setting->rewritesMappings) {
      ctx.notSupported(
          "an Fn::FindInMap inside a mapping value, which SAM resolves in place in the "
          "template's Mappings (" +
          std::string(key) + " of " + std::string(resource.id) + ")");
    }
  }
  FunctionState fn{resource, std::string(resource.id), std::move(inputs.properties),
                   passThroughOf(resource), std::move(*deployment)};
  buildLambdaFunction(ctx, fn);
  buildExecutionRole(ctx, fn);
  emitVersionAndAlias(ctx, fn);
  emitEventInvokeConfig(ctx, fn);
  emitFunctionUrl(ctx, fn);
  recordDeploymentPreference(ctx, fn);
  emitFunctionEvents(ctx, fn);

  // PropagateTags replaces the SAM tag list with the user's tags, after the version hash.
  const Node* propagate = fn.property("PropagateTags");
  const Node* tags = fn.property("Tags");
  if (propagate && propagate->isBool() && propagate->boolValue() && tags &&
      sam::pythonTruthy(*tags)) {
    fn.lambdaProps.set("Tags", tagList(tags, false));
    if (fn.role.isMapping()) fn.role.get("Properties")->set("Tags", tagList(tags, false));
  }
  settleExecutionRole(ctx, fn);

  ctx.add(fn.id, makeMainResource("AWS::Lambda::Function", std::move(fn.lambdaProps), resource,
                                  resource.dependsOn));
  if (fn.role.isMapping()) ctx.add(fn.roleId, std::move(fn.role));
  if (fn.aliasId) ctx.add(*fn.aliasId, std::move(fn.alias));
}

}  // namespace samshift::expand
