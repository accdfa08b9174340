#include "expand/events/state_machine_events.h"

#include <algorithm>

#include "expand/api/api_generator.h"
#include "expand/api/auth.h"
#include "expand/api/conditional_paths.h"
#include "expand/api/swagger.h"
#include "expand/builders.h"
#include "expand/events/event.h"
#include "expand/events/rule_targets.h"
#include "expand/events/schedule_v2.h"
#include "expand/role.h"

namespace samshift::expand::events {

using model::MapEntry;
using model::Node;

namespace {

struct SmEvent {
  std::string id;  // <StateMachine><EventId>
  const Node& properties;
  const std::string& targetId;
  const PassThrough& pass;
  api::EventRank rank;  // among the events SAM's translator adds to API bodies
};

bool known(ExpandContext& ctx, const SmEvent& event, const std::string& type,
           std::initializer_list<const char*> keys) {
  bool ok = true;
  for (const MapEntry& entry : event.properties.entries()) {
    if (std::find_if(keys.begin(), keys.end(),
                     [&](const char* k) { return entry.key.text() == k; }) == keys.end()) {
      ctx.notSupported("property " + entry.key.text() + " of " + type + " event " + event.id);
      ok = false;
    }
  }
  return ok;
}

// IAMRolePolicies.step_functions_start_execution_role_policy: may start executions of the target.
Node startExecutionPolicy(const SmEvent& event, const std::string& policyName) {
  Node statement = map({{"Action", str("states:StartExecution")},
                        {"Effect", str("Allow")},
                        {"Resource", ref(event.targetId)}});
  return map({{"PolicyName", str(policyName)},
              {"PolicyDocument", map({{"Statement", seq({statement})}})}});
}

// `<id>Role`, assumed by `service`, allowed to start executions of the target.
std::string addRole(ExpandContext& ctx, const SmEvent& event, const char* service,
                    const std::string& policyName) {
  std::string roleId = event.id + "Role";
  ctx.add(roleId, makeResource("AWS::IAM::Role",
                               map({{"AssumeRolePolicyDocument", assumeRolePolicy(service)},
                                    {"Policies", seq({startExecutionPolicy(event, policyName)})}}),
                               event.pass));
  return roleId;
}

// A Schedule, CloudWatchEvent or EventBridgeRule event: the rule and the role it starts
// executions with, unless a Schedule's RoleArn (stepfunctions/events.py).
void emitRule(ExpandContext& ctx, const SmEvent& event, const std::string& type) {
  bool schedule = type == "Schedule";
  Node roleArn;
  if (const Node* role = schedule ? givenProperty(event.properties, "RoleArn") : nullptr) {
    roleArn = *role;
  } else {
    roleArn = getAtt(
        addRole(ctx, event, "events.amazonaws.com", event.id + "RoleStartExecutionPolicy"), "Arn");
  }
  addEventRule(ctx, {event.id, event.properties, schedule, event.pass, nullptr},
               map({{"Arn", ref(event.targetId)},
                    {"Id", ruleTargetIdOf(event.properties, event.id, "StepFunctionsTarget")},
                    {"RoleArn", std::move(roleArn)}}));
}

void emitScheduleV2(ExpandContext& ctx, const SmEvent& event) {
  events::emitScheduleV2(ctx, event.id, event.properties,
                         {ref(event.targetId),
                          startExecutionPolicy(event, event.id + "StartExecutionPolicy"), nullptr},
                         event.pass);
}

void emitApi(ExpandContext& ctx, const SmEvent& event) {
  if (!known(ctx, event, "Api", {"Path", "Method", "RestApiId", "UnescapeMappingTemplate", "Auth"}))
    return;
  // Property(False, IS_BOOL): no intrinsics; SAM rejects another type.
  const Node* unescape = event.properties.get("UnescapeMappingTemplate");
  if (unescape && !unescape->isNull() && !unescape->isBool()) {
    ctx.notSupported("API Gateway: SAM's rejection of the UnescapeMappingTemplate of " + event.id);
    return;
  }
  bool unescaped = unescape && unescape->isBool() && unescape->boolValue();
  const Node* path = event.properties.get("Path");
  const Node* method = event.properties.get("Method");
  if (!path || !path->isString() || path->text().rfind('/', 0) != 0 || !method ||
      !method->isString()) {
    ctx.notSupported("API Gateway: Api event " + event.id +
                     " without a string Path starting with / and a string Method");
    return;
  }
  std::string apiId;
  api::RestApi* api = api::restApiOf(ctx, event.properties.get("RestApiId"), event.id, apiId);
  if (!api) return;
  std::string roleId =
      addRole(ctx, event, "apigateway.amazonaws.com", event.id + "RoleStartExecutionPolicy");
  // _add_swagger_integration edits only a body SAM manages, and then applies the event's Auth.
  if (!api->managed) return;
  std::optional<api::MethodAuth> methodAuth = api::MethodAuth{};
  if (const Node* auth = event.properties.get("Auth"))
    methodAuth = api::methodAuth(ctx, event.id, *api, *auth);
  if (!methodAuth) return;
  // A state machine's Api event has no _get_permissions to set its Stage: the stage its
  // ResourcePolicy names is the event's own Stage property, None here (samshift refuses one
  // given), which SAM writes as null.
  if (methodAuth->resourcePolicy) methodAuth->stage = api::PyObject::none();
  api::PyObject credentials = api::PyObject::dict(false);
  api::PyObject getAttArgs = api::PyObject::list();
  getAttArgs.push(api::PyObject::str(roleId));
  getAttArgs.push(api::PyObject::str("Arn"));
  credentials.set("Fn::GetAtt", std::move(getAttArgs));
  // json.dumps of {"input": …, "stateMachineArn": "${target}"} with the default separators, or
  // _generate_request_template_unescaped's text, which undoes escapeJavaScript's \'.
  std::string input =
      unescaped ? R"json($util.escapeJavaScript($input.json('$')).replaceAll("\\'","'"))json"
                : R"json($util.escapeJavaScript($input.json('$')))json";
  api::PyObject templates = api::PyObject::dict(false);
  templates.set("application/json",
                api::pySub("{\"input\": \"" + input + "\", \"stateMachineArn\": \"${" +
                           event.targetId + "}\"}"));
  // add_state_machine_integration wraps the URI and the method in an Fn::If on the state
  // machine's Condition.
  std::string condition = event.pass.condition ? event.pass.condition->text() : "";
  api->edits.push_back(
      {event.rank, path->text(), method->text(),
       [path = path->text(), key = api::methodKey(method->text()), credentials, templates,
        condition, auth = *methodAuth](api::PyObject& body) {
         api::PyObject uri = api::pySub(
             "arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution");
         if (condition.empty()) {
           api::addStateMachineIntegration(body, path, key, std::move(uri), credentials, templates);
         } else {
           api::addConditionalStateMachineIntegration(body, path, key, std::move(uri), condition,
                                                      credentials, templates);
         }
         return api::addMethodAuth(body, path, key, auth);
       }});
}

}  // namespace

void emitStateMachineEvents(ExpandContext& ctx, const std::string& machineId, const Node& events,
                            const std::string& targetId, const PassThrough& pass) {
  // The event resources take the state machine's Condition, DeletionPolicy and
  // UpdateReplacePolicy (get_passthrough_resource_attributes); a Condition that is not a string
  // is not modelled.
  if (pass.condition && !pass.condition->isString()) {
    ctx.notSupported("Events of state machine " + machineId +
                     " with a Condition that is not a string");
    return;
  }
  for (const MapEntry& entry : events.entries()) {
    const Node* typeNode = entry.value.get("Type");
    std::string type = typeNode && typeNode->isString() ? typeNode->text() : "";
    const Node* propsNode = entry.value.get("Properties");
    Node empty = Node::mapping();
    SmEvent event{machineId + entry.key.text(),
                  propsNode && propsNode->isMapping() ? *propsNode : empty, targetId, pass,
                  ctx.apis.rankOf(machineId, entry.key.text())};
    if (type == "CloudWatchEvent" || type == "EventBridgeRule" || type == "Schedule") {
      emitRule(ctx, event, type);
    } else if (type == "ScheduleV2") {
      emitScheduleV2(ctx, event);
    } else if (type == "Api") {
      emitApi(ctx, event);
    } else {
      ctx.notSupported("event type " + type + " in state machine " + machineId);
    }
  }
}

}  // namespace samshift::expand::events
