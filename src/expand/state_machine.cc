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

constexpr const char* kKnown[] = {"Type",
                                  "Definition",
                                  "DefinitionSubstitutions",
                                  "Role",
                                  "AutoPublishAlias",
                                  "DeploymentPreference",
                                  "Name",
                                  "Tags",
                                  "PropagateTags",
                                  "Events",
                                  "UseAliasAsEventTarget"};

// `{{resolve:service:key}}`, as SAM's is_dynamic_reference matches it (Python's `$` also
// allows one final line break; `.` matches no line break).
bool isDynamicReference(const Node& value) {
  if (!value.isString()) return false;
  std::string_view text = value.text();
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  constexpr std::string_view kOpen = "{{resolve:";
  if (text.size() < kOpen.size() + 2 || text.substr(0, kOpen.size()) != kOpen) return false;
  if (text.substr(text.size() - 2) != "}}") return false;
  std::string_view body = text.substr(kOpen.size(), text.size() - kOpen.size() - 2);
  if (body.find('\n') != std::string_view::npos) return false;
  size_t service = 0;
  while (service < body.size() &&
         ((body[service] >= 'a' && body[service] <= 'z') || body[service] == '-')) {
    ++service;
  }
  return service > 0 && service + 1 < body.size() && body[service] == ':';
}

// SAM moves every intrinsic function and dynamic reference of an inline Definition into
// DefinitionSubstitutions, leaving `${definition_substitution_N}` in its place. N counts in the
// order of SAM's walk: a mapping's keys sorted, a list's items in order (generators.py,
// _get_paths_to_intrinsics). False when a mapping has a key that is not a string, whose order
// Python would decide by another rule (or refuse to sort).
bool moveDynamicValues(Node& node, Node& substitutions) {
  auto visit = [&](Node& value) {
    if (value.isIntrinsic() || isDynamicReference(value)) {
      std::string index = std::to_string(substitutions.size() + 1);
      substitutions.set("definition_substitution_" + index, std::move(value));
      value = str("${definition_substitution_" + index + "}");
      return true;
    }
    return !(value.isMapping() || value.isSequence()) || moveDynamicValues(value, substitutions);
  };
  if (node.isSequence()) {
    for (Node& item : node.items()) {
      if (!visit(item)) return false;
    }
    return true;
  }
  if (!node.isMapping()) return true;
  std::vector<model::MapEntry*> sorted;
  for (model::MapEntry& entry : node.entries()) {
    if (!entry.key.isString()) return false;
    sorted.push_back(&entry);
  }
  std::sort(sorted.begin(), sorted.end(), [](const model::MapEntry* a, const model::MapEntry* b) {
    return a->key.text() < b->key.text();
  });
  for (model::MapEntry* entry : sorted) {
    if (!visit(entry->value)) return false;
  }
  return true;
}

// DefinitionString of an inline Definition, as SAM writes it; returns its DefinitionSubstitutions,
// which SAM's property order puts after Tags.
std::optional<Node> setDefinition(ExpandContext& ctx, const std::string& id, const Node& props,
                                  Node& out) {
  const Node* definition = props.get("Definition");
  if (!definition) return std::nullopt;
  Node processed = *definition;
  Node moved = Node::mapping();
  if (!moveDynamicValues(processed, moved)) {
    ctx.notSupported("a Definition key that is not a string in state machine " + id);
    return std::nullopt;
  }
  out.set("DefinitionString", definitionString(processed));
  const Node* given = props.get("DefinitionSubstitutions");
  if (given && sam::pythonTruthy(*given)) {
    // SAM sets the user's mapping, then dict.update()s it with the values it moved.
    if (!given->isMapping()) {
      ctx.notSupported("DefinitionSubstitutions that is not a mapping in state machine " + id);
      return std::nullopt;
    }
    Node merged = *given;
    for (const MapEntry& entry : moved.entries()) merged.set(entry.key.text(), entry.value);
    return merged;
  }
  if (moved.size() > 0) return moved;
  return std::nullopt;
}

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
  std::optional<Node> substitutions = setDefinition(ctx, id, props, out);
  // In the order of SAM's StepFunctionsStateMachine.property_types, which its output keeps.
  if (const Node* role = props.get("Role")) out.set("RoleArn", *role);
  if (const Node* name = props.get("Name")) out.set("StateMachineName", *name);
  if (const Node* type = props.get("Type")) out.set("StateMachineType", *type);
  Node tags = seq({map({{"Key", str("stateMachine:createdBy")}, {"Value", str("SAM")}})});
  if (const Node* userTags = props.get("Tags"); userTags && userTags->isMapping()) {
    for (const MapEntry& entry : userTags->entries()) {
      tags.push(map({{"Key", str(entry.key.text())}, {"Value", entry.value}}));
    }
  }
  out.set("Tags", tags);
  if (substitutions) out.set("DefinitionSubstitutions", std::move(*substitutions));
  PassThrough pass = passThroughOf(resource);
  ctx.add(id,
          makeMainResource("AWS::StepFunctions::StateMachine", out, resource, resource.dependsOn));

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
