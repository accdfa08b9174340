// `<Function>Version<suffix>` (AWS::Lambda::Version), see docs/sam-semantics.md §4.

#include "expand/builders.h"
#include "expand/function.h"
#include "expand/function_state.h"
#include "expand/version_hash.h"
#include "sam/globals.h"
#include "sam/validation.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

Node withoutNulls(const Node& props) {
  Node out = Node::mapping();
  for (const MapEntry& entry : props.entries()) {
    if (!entry.value.isNull()) out.entries().push_back(entry);
  }
  return out;
}

// The layer resource a Layers entry names: {Ref: X}, {Fn::GetAtt: [X, a]} or "X.a".
const model::ResourceView* layerOf(const ExpandContext& ctx, const Node& entry) {
  std::string id;
  if (entry.isIntrinsic() && entry.intrinsicName() == "Ref" &&
      entry.intrinsicArgument().isString()) {
    id = entry.intrinsicArgument().text();
  } else if (entry.isIntrinsic() && entry.intrinsicName() == "Fn::GetAtt") {
    const Node& arg = entry.intrinsicArgument();
    if (arg.isSequence() && !arg.items().empty() && arg.items()[0].isString())
      id = arg.items()[0].text();
    if (arg.isString()) id = arg.text().substr(0, arg.text().find('.'));
  }
  return id.empty() ? nullptr : ctx.templ.resource(id);
}

Node hashedData(const ExpandContext& ctx, const FunctionState& fn) {
  const Node* allProperties = fn.props.get("AutoPublishAliasAllProperties");
  if (allProperties && allProperties->isBool() && allProperties->boolValue()) {
    Node data = withoutNulls(fn.lambdaProps);
    if (const Node* layers = fn.lambdaProps.get("Layers"); layers && layers->isSequence()) {
      for (const Node& entry : layers->items()) {
        const model::ResourceView* layer = layerOf(ctx, entry);
        if (!layer) continue;
        Node layerProps = sam::propertiesWithGlobals(ctx.templ, *layer);
        const Node* publish = layerProps.get("PublishLambdaVersion");
        if (publish && sam::pythonTruthy(*publish)) data.set(layer->id, layerProps);
      }
    }
    return data;
  }
  Node data = Node::mapping();
  if (const Node* code = fn.lambdaProps.get("Code"); code && code->isMapping()) data = *code;
  if (const Node* env = fn.props.get("Environment");
      env && sam::pythonTruthy(*env) && env->isMapping()) {
    for (const MapEntry& entry : env->entries()) data.set(entry.key.text(), entry.value);
  }
  if (const Node* memory = fn.props.get("MemorySize"); memory && sam::pythonTruthy(*memory)) {
    data.set("MemorySize", *memory);
  }
  if (const Node* snapStart = fn.props.get("SnapStart"); snapStart && snapStart->isMapping()) {
    const Node* applyOn = snapStart->get("ApplyOn");
    if (applyOn && !applyOn->isString("None")) data.set("SnapStart", *snapStart);
  }
  return data;
}

// AutoPublishCodeSha256, when it names the version instead of the hash.
const Node* codeSha256(const FunctionState& fn) {
  const Node& sha = fn.deployment.codeSha256.value;
  bool given = fn.deployment.codeSha256.present() && sha.isString() && !sha.text().empty();
  return given ? &sha : nullptr;
}

// AutoPublishCodeSha256, when SAM appends it to the function's Description: whenever it is
// written truthy (a `Ref` is), even when it resolves to "" (then the version keeps the hash, and
// the Description becomes "" or gains a trailing space). validateSamResource has checked that it
// resolves to a string.
const Node* describedCodeSha256(const FunctionState& fn) {
  const sam::Setting& sha = fn.deployment.codeSha256;
  bool written = sha.present() && sam::pythonTruthy(*sha.node);
  return written && sha.value.isString() ? &sha.value : nullptr;
}

// `<Function>Version<suffix>`: the first 10 characters of AutoPublishCodeSha256 when given, else
// the hash of the code and properties. (sam::validateSamResource has checked that the first makes
// an alphanumeric logical ID.)
std::string versionLogicalId(ExpandContext& ctx, const FunctionState& fn) {
  const Node* sha = codeSha256(fn);
  return fn.id + "Version" + (sha ? sha->text().substr(0, 10) : versionHash(hashedData(ctx, fn)));
}

}  // namespace

std::optional<std::string> functionVersionLogicalId(const model::Template& templ,
                                                    const model::ResourceView& resource,
                                                    const sam::ParameterValues& params,
                                                    const sam::TemplateIndex* index) {
  std::optional<sam::DeploymentModel> deployment =
      sam::readDeploymentModel(templ, resource, params);
  if (!deployment || deployment->stateMachine || !deployment->aliasName()) return std::nullopt;
  if (!sam::validateSamResource(templ, resource, params, nullptr, nullptr, index).empty())
    return std::nullopt;
  ExpandContext ctx(templ, params);
  ctx.owner = std::string(resource.id);
  FunctionState fn{resource, std::string(resource.id), sam::propertiesWithGlobals(templ, resource),
                   passThroughOf(resource), *deployment};
  buildLambdaFunction(ctx, fn);
  std::string versionId = versionLogicalId(ctx, fn);
  if (ctx.unsupported) return std::nullopt;
  return versionId;
}

void emitVersionAndAlias(ExpandContext& ctx, FunctionState& fn) {
  fn.aliasName = fn.deployment.aliasName();
  if (!fn.aliasName) return;
  fn.versionId = versionLogicalId(ctx, fn);
  if (const Node* shaNode = describedCodeSha256(fn)) {
    const Node& sha = *shaNode;
    // SAM appends the sha to the (parameter-resolved) function Description.
    const Node* description = fn.lambdaProps.get("Description");
    Node resolved = description ? ctx.resolve(*description) : Node::null();
    if (!description || !sam::pythonTruthy(resolved)) {
      fn.lambdaProps.set("Description", sha);
    } else if (resolved.isString()) {
      fn.lambdaProps.set("Description", str(resolved.text() + " " + sha.text()));
    } else {
      fn.lambdaProps.set("Description",
                         intrinsic("Fn::Join", seq({str(" "), seq({resolved, sha})})));
    }
  }

  Node props = map({{"FunctionName", ref(fn.id)}});
  if (fn.deployment.versionDescription.present())
    props.set("Description", fn.deployment.versionDescription.value);
  if (fn.props.has("CapacityProviderConfig")) {
    if (const Node* scaling = fn.props.get("FunctionScalingConfig"))
      props.set("FunctionScalingConfig", *scaling);
  }
  Node version =
      makeResource("AWS::Lambda::Version", std::move(props), {fn.pass.condition, nullptr, nullptr});
  Node deletionPolicy;
  if (fn.pass.deletionPolicy) {
    deletionPolicy = *fn.pass.deletionPolicy;
  } else if (fn.deployment.versionDeletionPolicy.present()) {
    deletionPolicy = fn.deployment.versionDeletionPolicy.value;
  } else {
    deletionPolicy = str(fn.props.has("CapacityProviderConfig") ? "Delete" : "Retain");
  }
  version.set("DeletionPolicy", deletionPolicy);
  if (fn.pass.updateReplacePolicy) version.set("UpdateReplacePolicy", *fn.pass.updateReplacePolicy);
  ctx.add(*fn.versionId, std::move(version));

  fn.aliasId = sam::aliasLogicalId(fn.id, *fn.aliasName);
  Node aliasProps = map({{"Name", str(*fn.aliasName)},
                         {"FunctionName", ref(fn.id)},
                         {"FunctionVersion", getAtt(*fn.versionId, "Version")}});
  if (fn.deployment.provisionedConcurrency.present() &&
      sam::pythonTruthy(fn.deployment.provisionedConcurrency.value)) {
    aliasProps.set("ProvisionedConcurrencyConfig", fn.deployment.provisionedConcurrency.value);
  }
  fn.alias = makeResource("AWS::Lambda::Alias", std::move(aliasProps), fn.pass);
  ctx.refs[fn.id]["Alias"] = *fn.aliasId;
  ctx.refs[fn.id]["Version"] = *fn.versionId;
}

}  // namespace samshift::expand
