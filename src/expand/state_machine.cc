#include <algorithm>
#include <optional>

#include "expand/state_machine.h"

#include "expand/builders.h"
#include "expand/events/state_machine_events.h"
#include "expand/python_json.h"
#include "sam/deployment_model.h"
#include "sam/globals.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

// SAM writes an inline definition as indented JSON joined by newlines.
Node definitionString(const Node& definition) {
  std::string text = pythonJsonIndented(definition, 4);
  Node lines = Node::sequence();
  size_t start = 0;
  while (true) {
    size_t end = text.find('\n', start);
    lines.push(str(text.substr(start, end == std::string::npos ? std::string::npos : end - start)));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return intrinsic("Fn::Join", seq({str("\n"), lines}));
}

constexpr const char* kKnown[] = {
    "Type", "Definition", "Role",          "AutoPublishAlias", "DeploymentPreference",
    "Name", "Tags",       "PropagateTags", "Events",           "UseAliasAsEventTarget"};

// The version and alias; returns the alias ID when one was added.
std::optional<std::string> emitVersionAndAlias(ExpandContext& ctx, const std::string& id,
                                               const Node& props, const PassThrough& pass) {
  const Node* alias = props.get("AutoPublishAlias");
  if (!alias || !sam::pythonTruthy(*alias)) return std::nullopt;
  std::string versionId = id + "Version";
  Node version =
      makeResource("AWS::StepFunctions::StateMachineVersion",
                   map({{"StateMachineArn", ref(id)},
                        {"StateMachineRevisionId", getAtt(id, "StateMachineRevisionId")}}),
                   {pass.condition, nullptr, nullptr});
  version.set("DeletionPolicy", pass.deletionPolicy ? *pass.deletionPolicy : str("Retain"));
  version.set("UpdateReplacePolicy",
              pass.updateReplacePolicy ? *pass.updateReplacePolicy : str("Retain"));
  ctx.add(versionId, std::move(version));

  if (!alias->isString()) {
    ctx.notSupported("non-string AutoPublishAlias of state machine " + id);
    return std::nullopt;
  }
  // sam::validateSamResource has checked that this is an alphanumeric logical ID.
  std::string aliasId = id + "Alias" + alias->text();
  Node preference;
  const Node* dp = props.get("DeploymentPreference");
  if (dp && dp->isMapping() && !dp->entries().empty()) {
    preference = *dp;
  } else if (dp && sam::pythonTruthy(*dp)) {
    ctx.notSupported("non-map DeploymentPreference of state machine " + id);
    return std::nullopt;
  } else {
    preference = map({{"Type", str("ALL_AT_ONCE")}});
  }
  preference.set("StateMachineVersionArn", ref(versionId));
  ctx.add(aliasId,
          makeResource("AWS::StepFunctions::StateMachineAlias",
                       map({{"Name", *alias}, {"DeploymentPreference", preference}}), pass));
  return aliasId;
}

}  // namespace

void expandStateMachine(ExpandContext& ctx, const model::ResourceView& resource) {
  std::string id(resource.id);
  Node props = sam::propertiesWithGlobals(ctx.templ, resource);
  for (const MapEntry& entry : props.entries()) {
    const std::string& key = entry.key.text();
    if (std::find(std::begin(kKnown), std::end(kKnown), key) == std::end(kKnown)) {
      ctx.notSupported("property " + key + " of AWS::Serverless::StateMachine " + id);
    }
  }
  if (!props.has("Role")) ctx.notSupported("AWS::Serverless::StateMachine " + id + " without Role");
  if (!props.has("Definition"))
    ctx.notSupported("AWS::Serverless::StateMachine " + id + " without Definition");
  Node out = Node::mapping();
  if (const Node* name = props.get("Name")) out.set("StateMachineName", *name);
  if (const Node* definition = props.get("Definition"))
    out.set("DefinitionString", definitionString(*definition));
  if (const Node* role = props.get("Role")) out.set("RoleArn", *role);
  if (const Node* type = props.get("Type")) out.set("StateMachineType", *type);
  Node tags = seq({map({{"Key", str("stateMachine:createdBy")}, {"Value", str("SAM")}})});
  if (const Node* userTags = props.get("Tags"); userTags && userTags->isMapping()) {
    for (const MapEntry& entry : userTags->entries()) {
      tags.push(map({{"Key", str(entry.key.text())}, {"Value", entry.value}}));
    }
  }
  out.set("Tags", tags);
  PassThrough pass = passThroughOf(resource);
  Node machine = makeResource("AWS::StepFunctions::StateMachine", out, pass);
  if (resource.dependsOn) machine.set("DependsOn", *resource.dependsOn);
  ctx.add(id, std::move(machine));

  std::optional<std::string> aliasId = emitVersionAndAlias(ctx, id, props, pass);
  const Node* events = props.get("Events");
  if (!events || !events->isMapping()) return;
  if (props.has("PropagateTags"))
    ctx.notSupported("PropagateTags with Events in state machine " + id);
  const Node* useAlias = props.get("UseAliasAsEventTarget");
  bool toAlias = aliasId && useAlias && sam::pythonTruthy(*useAlias);
  events::emitStateMachineEvents(ctx, id, *events, toAlias ? *aliasId : id, pass);
}

}  // namespace samshift::expand
