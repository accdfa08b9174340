#include <algorithm>
#include <optional>

#include "expand/state_machine.h"

#include "expand/builders.h"
#include "expand/events/state_machine_events.h"
#include "expand/state_machine_parts.h"
#include "sam/deployment_model.h"
#include "sam/globals.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

constexpr const char* kKnown[] = {"Type",
                                  "Definition",
                                  "DefinitionUri",
                                  "DefinitionSubstitutions",
                                  "Logging",
                                  "Role",
                                  "RolePath",
                                  "Policies",
                                  "Tracing",
                                  "PermissionsBoundary",
                                  "AutoPublishAlias",
                                  "DeploymentPreference",
                                  "Name",
                                  "Tags",
                                  "PropagateTags",
                                  "Events",
                                  "UseAliasAsEventTarget"};

// A property SAM copies when it is not null (Resource._generate_resource_dict drops None).
void copyGiven(const Node& props, std::string_view from, Node& out, std::string_view to) {
  if (const Node* value = props.get(from); value && !value->isNull()) out.set(to, *value);
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

// SAM gives the roles its Schedule, CloudWatchEvent, EventBridgeRule and Api events generate the
// state machine's PermissionsBoundary (stepfunctions/events.py, EventSource._construct_role);
// a ScheduleV2 event takes its own.
void boundEventRoles(ExpandContext& ctx, const std::string& id, const Node& events,
                     const Node& boundary) {
  for (const MapEntry& event : events.entries()) {
    const Node* eventType = event.value.isMapping() ? event.value.get("Type") : nullptr;
    if (!eventType || eventType->isString("ScheduleV2")) continue;
    Node* role = ctx.resource(id + event.key.text() + "Role");
    const Node* type = role && role->isMapping() ? role->get("Type") : nullptr;
    Node* props = type && type->isString("AWS::IAM::Role") ? role->get("Properties") : nullptr;
    if (props && props->isMapping()) props->set("PermissionsBoundary", boundary);
  }
}

// An event SAM rejects when it reads it (EventSource.from_dict: Properties not a mapping, a
// required property missing), which sam::validateSamResource does not check yet: samshift must
// not print a template for it.
void checkEventShapes(ExpandContext& ctx, const std::string& id, const Node& events) {
  for (const MapEntry& event : events.entries()) {
    const Node* type = event.value.isMapping() ? event.value.get("Type") : nullptr;
    const Node* properties = event.value.isMapping() ? event.value.get("Properties") : nullptr;
    const char* required = type && type->isString("Schedule")     ? "Schedule"
                           : type && type->isString("ScheduleV2") ? "ScheduleExpression"
                                                                  : nullptr;
    if ((properties && !properties->isMapping()) ||
        (required && (!properties || !properties->has(required)))) {
      ctx.notSupported("event " + event.key.text() + " of state machine " + id +
                       " whose Properties SAM rejects");
    }
  }
}

// SamResource.propagate_tags: a Python-true PropagateTags with Python-true Tags.
bool propagatesTags(const Node& props) {
  const Node* propagate = props.get("PropagateTags");
  const Node* tags = props.get("Tags");
  return propagate && sam::pythonTruthy(*propagate) && tags && sam::pythonTruthy(*tags);
}

// The Tags of the state machine and of its role: SAM's own tag, then the user's; propagated, the
// user's alone (propagate_tags replaces the Tags of every generated resource that has them).
Node tagsOf(ExpandContext& ctx, const std::string& id, const Node& props, bool propagated) {
  const Node* tags = props.get("Tags");
  if (tags && tags->isMapping()) {
    for (const MapEntry& entry : tags->entries()) {
      // Python's dict merges keys such as 1 and true, and json.dumps writes them its own way.
      if (!entry.key.isString())
        ctx.notSupported("a tag key that is not a string in state machine " + id);
    }
  }
  Node list = stateMachineTags(tags);
  if (propagated) list.items().erase(list.items().begin());
  return list;
}

// SamStateMachine.propagate_tags over the resources its events generated (those added from
// `first` on): each whose SAM class has a Tags property gets the user's tags as its list
// (Resource.assign_tags). An IAM role and an SQS queue have one; an Events rule, a Scheduler
// schedule and an SQS queue policy none (model/iam.py, sqs.py, events.py, scheduler.py).
void propagateToEventResources(ExpandContext& ctx, const std::string& id, size_t first,
                               const Node& tagList) {
  for (size_t i = first; i < ctx.resources.entries().size(); ++i) {
    Node& resource = ctx.resources.entries()[i].value;
    const Node* type = resource.get("Type");
    Node* properties = resource.get("Properties");
    if (type &&
        (type->isString("AWS::Events::Rule") || type->isString("AWS::Scheduler::Schedule") ||
         type->isString("AWS::SQS::QueuePolicy")))
      continue;
    if (type && properties &&
        (type->isString("AWS::IAM::Role") || type->isString("AWS::SQS::Queue"))) {
      properties->set("Tags", tagList);
      continue;
    }
    ctx.notSupported("PropagateTags to " + ctx.resources.entries()[i].key.text() +
                     " of state machine " + id);
  }
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
  // sam::validateSamResource has rejected what SAM rejects: the definition, the role and the
  // types of the properties are as SAM takes them.
  Node out = Node::mapping();
  Node substitutions = setDefinition(ctx, id, props, out);
  PassThrough pass = passThroughOf(resource);
  const Node* role = props.get("Role");
  std::string roleId = id + "Role";
  // In the order of SAM's StepFunctionsStateMachine.property_types, which its output keeps.
  copyGiven(props, "Logging", out, "LoggingConfiguration");
  out.set("RoleArn", role && sam::pythonTruthy(*role) ? *role : getAtt(roleId, "Arn"));
  copyGiven(props, "Name", out, "StateMachineName");
  copyGiven(props, "Type", out, "StateMachineType");
  bool propagated = propagatesTags(props);
  Node tagList = tagsOf(ctx, id, props, propagated);
  out.set("Tags", tagList);
  if (!substitutions.isNull()) out.set("DefinitionSubstitutions", std::move(substitutions));
  copyGiven(props, "Tracing", out, "TracingConfiguration");
  ctx.add(id, makeMainResource("AWS::StepFunctions::StateMachine", std::move(out), resource,
                               resource.dependsOn));
  if (!role || !sam::pythonTruthy(*role)) {
    Node generatedRole = stateMachineRole(ctx, id, props, pass);
    if (propagated) generatedRole.get("Properties")->set("Tags", tagList);
    ctx.add(roleId, std::move(generatedRole));
  }

  std::optional<std::string> aliasId = emitVersionAndAlias(ctx, id, props, pass);
  const Node* events = props.get("Events");
  if (!events || !events->isMapping()) return;
  checkEventShapes(ctx, id, *events);
  const Node* useAlias = props.get("UseAliasAsEventTarget");
  bool toAlias = aliasId && useAlias && sam::pythonTruthy(*useAlias);
  size_t before = ctx.resources.entries().size();
  events::emitStateMachineEvents(ctx, id, *events, toAlias ? *aliasId : id, pass);
  if (propagated) propagateToEventResources(ctx, id, before, tagList);
  if (const Node* boundary = props.get("PermissionsBoundary");
      boundary && sam::pythonTruthy(*boundary))
    boundEventRoles(ctx, id, *events, *boundary);
}

}  // namespace samshift::expand
