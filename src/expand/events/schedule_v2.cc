#include "expand/events/schedule_v2.h"

#include "expand/builders.h"
#include "expand/events/event.h"
#include "expand/events/rule_targets.h"
#include "expand/function_state.h"
#include "expand/role.h"
#include "sam/deployment_model.h"

namespace samshift::expand::events {

using model::Node;

void emitScheduleV2(ExpandContext& ctx, const std::string& id, const Node& properties,
                    const ScheduleV2Target& target, const PassThrough& pass) {
  auto truthy = [&](const char* key) {
    const Node* value = givenProperty(properties, key);
    return value && sam::pythonTruthy(*value) ? value : nullptr;
  };
  // Properties in SchedulerSchedule's order (model/scheduler.py).
  Node props = Node::mapping();
  auto copy = [&](const char* key) {
    if (const Node* value = givenProperty(properties, key)) props.set(key, *value);
  };
  copy("ScheduleExpression");
  const Node* window = truthy("FlexibleTimeWindow");
  props.set("FlexibleTimeWindow", window ? *window : map({{"Mode", str("OFF")}}));
  // Originally SAM always named the schedule; OmitName leaves the name to CloudFormation.
  if (!truthy("OmitName")) {
    const Node* name = truthy("Name");
    props.set("Name", name ? *name : str(id));
  }
  if (const Node* state = truthy("State")) props.set("State", *state);
  for (const char* key : {"Description", "StartDate", "EndDate", "ScheduleExpressionTimezone",
                          "GroupName", "KmsKeyArn"}) {
    copy(key);
  }
  // The schedule comes first, then its queue and role.
  ctx.add(id, makeResource("AWS::Scheduler::Schedule", Node::mapping(), pass));

  std::optional<Node> queueArn;
  if (const Node* deadLetter = givenProperty(properties, "DeadLetterConfig")) {
    // The Scheduler needs no queue policy: its role may send to the queue.
    queueArn = deadLetterQueueArn(ctx, id, *deadLetter, pass, false, target.tags);
  }
  Node roleArn;
  if (const Node* given = truthy("RoleArn")) {
    roleArn = *given;
  } else {
    Node policies = seq({target.invokePolicy});
    if (queueArn && sam::pythonTruthy(*queueArn)) {
      // IAMRolePolicies.sqs_send_message_role_policy.
      Node statement = map(
          {{"Action", str("sqs:SendMessage")}, {"Effect", str("Allow")}, {"Resource", *queueArn}});
      policies.push(map({{"PolicyName", str(id + "SQSPolicy")},
                         {"PolicyDocument", map({{"Statement", seq({statement})}})}}));
    }
    Node role = map({{"AssumeRolePolicyDocument", assumeRolePolicy("scheduler.amazonaws.com")},
                     {"Policies", std::move(policies)}});
    if (const Node* boundary = truthy("PermissionsBoundary"))
      role.set("PermissionsBoundary", *boundary);
    if (target.tags) role.set("Tags", tagList(target.tags, false));
    ctx.add(id + "Role", makeResource("AWS::IAM::Role", std::move(role), pass));
    roleArn = getAtt(id + "Role", "Arn");
  }
  Node scheduleTarget = map({{"Arn", target.arn}, {"RoleArn", std::move(roleArn)}});
  if (const Node* input = givenProperty(properties, "Input")) scheduleTarget.set("Input", *input);
  if (queueArn) scheduleTarget.set("DeadLetterConfig", map({{"Arn", *queueArn}}));
  if (const Node* retry = givenProperty(properties, "RetryPolicy"))
    scheduleTarget.set("RetryPolicy", *retry);
  props.set("Target", std::move(scheduleTarget));
  if (Node* schedule = ctx.resource(id)) schedule->set("Properties", std::move(props));
}

void emitFunctionScheduleV2(ExpandContext& ctx, FunctionState& fn, const Event& event) {
  // IAMRolePolicies.lambda_invoke_function_role_policy.
  Node statement = map(
      {{"Action", str("lambda:InvokeFunction")}, {"Effect", str("Allow")}, {"Resource", fn.arn()}});
  Node policy = map({{"PolicyName", str(event.id + "LambdaPolicy")},
                     {"PolicyDocument", map({{"Statement", seq({statement})}})}});
  emitScheduleV2(ctx, event.id, event.properties,
                 {fn.arn(), std::move(policy), fn.propagatedTags()}, fn.pass);
}

}  // namespace samshift::expand::events
