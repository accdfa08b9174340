#include "sam/push_event_specs.h"

namespace samshift::sam {

namespace {

constexpr PropertyKind kStr = PropertyKind::kString;
constexpr PropertyKind kMap = PropertyKind::kMap;
constexpr PropertyKind kBool = PropertyKind::kBool;

// samtranslator/model/eventsources/push.py, Schedule.
constexpr PropertySpec kFunctionSchedule[] = {
    {"Schedule", true, kStr},     {"RuleName", false, kStr},
    {"Input", false, kStr},       {"Enabled", false, kBool},
    {"State", false, kStr},       {"Name", false, kStr},
    {"Description", false, kStr}, {"DeadLetterConfig", false, kMap},
    {"RetryPolicy", false, kMap},
};

// push.py, CloudWatchEvent (and EventBridgeRule).
constexpr PropertySpec kFunctionRule[] = {
    {"EventBusName", false, kStr},     {"RuleName", false, kStr},
    {"Pattern", false, kMap},          {"DeadLetterConfig", false, kMap},
    {"RetryPolicy", false, kMap},      {"Input", false, kStr},
    {"InputPath", false, kStr},        {"Target", false, kMap},
    {"Enabled", false, kBool},         {"State", false, kStr},
    {"InputTransformer", false, kMap},
};

// model/stepfunctions/events.py, Schedule.
constexpr PropertySpec kStateMachineSchedule[] = {
    {"Schedule", true, kStr},
    {"Input", false, kStr},
    {"Enabled", false, kBool},
    {"State", false, kStr},
    {"Name", false, kStr},
    {"Description", false, kStr},
    {"DeadLetterConfig", false, kMap},
    {"RetryPolicy", false, kMap},
    {"Target", false, kMap, false},
    {"RoleArn", false, kStr, false},
};

// stepfunctions/events.py, CloudWatchEvent (and EventBridgeRule).
constexpr PropertySpec kStateMachineRule[] = {
    {"EventBusName", false, kStr},  {"RuleName", false, kStr},
    {"Pattern", false, kMap},       {"Input", false, kStr},
    {"InputPath", false, kStr},     {"DeadLetterConfig", false, kMap},
    {"RetryPolicy", false, kMap},   {"State", false, kStr},
    {"Target", false, kMap, false}, {"InputTransformer", false, kMap},
};

// model/eventsources/scheduler.py, SchedulerEventSource (functions and state machines).
constexpr PropertySpec kScheduleV2[] = {
    {"PermissionsBoundary", false, kStr},
    {"ScheduleExpression", true, kStr},
    {"FlexibleTimeWindow", false, kMap},
    {"Name", false, kStr},
    {"State", false, kStr},
    {"Description", false, kStr},
    {"StartDate", false, kStr},
    {"EndDate", false, kStr},
    {"ScheduleExpressionTimezone", false, kStr},
    {"GroupName", false, kStr},
    {"KmsKeyArn", false, kStr},
    {"Input", false, kStr},
    {"RoleArn", false, kStr},
    {"DeadLetterConfig", false, kMap},
    {"RetryPolicy", false, kMap},
    {"OmitName", false, kBool, false},
};

constexpr PropertySpec kAlexaSkill[] = {{"SkillId", false, kStr}};

constexpr PropertySpec kIoTRule[] = {{"Sql", true, kStr}, {"AwsIotSqlVersion", false, kStr}};

// model/eventsources/cloudwatchlogs.py.
constexpr PropertySpec kCloudWatchLogs[] = {{"LogGroupName", true, kStr},
                                            {"FilterPattern", true, kStr}};

constexpr PropertySpec kCognito[] = {
    {"UserPool", true, kStr},
    {"Trigger", true, PropertyKind::kStringOrStringList, false},
};

constexpr PropertySpec kSns[] = {
    {"Topic", true, kStr},
    {"Region", false, kStr},
    {"FilterPolicy", false, PropertyKind::kAny},
    {"FilterPolicyScope", false, PropertyKind::kAny},
    {"SqsSubscription", false, PropertyKind::kBoolOrMap},
    {"RedrivePolicy", false, kMap},
};

constexpr PropertySpec kS3[] = {
    {"Bucket", true, kStr},
    {"Events", true, PropertyKind::kStringOrStringList, false},
    {"Filter", false, PropertyKind::kStringMap},
};

struct TypeSpecs {
  std::string_view type;
  std::span<const PropertySpec> function;
  std::span<const PropertySpec> stateMachine;
};

const TypeSpecs kTypes[] = {
    {"Schedule", kFunctionSchedule, kStateMachineSchedule},
    {"CloudWatchEvent", kFunctionRule, kStateMachineRule},
    {"EventBridgeRule", kFunctionRule, kStateMachineRule},
    {"ScheduleV2", kScheduleV2, kScheduleV2},
    {"AlexaSkill", kAlexaSkill, {}},
    {"IoTRule", kIoTRule, {}},
    {"CloudWatchLogs", kCloudWatchLogs, {}},
    {"Cognito", kCognito, {}},
    {"SNS", kSns, {}},
    {"S3", kS3, {}},
};

}  // namespace

std::span<const PropertySpec> pushEventSpecs(bool stateMachine, std::string_view type) {
  for (const TypeSpecs& entry : kTypes) {
    if (entry.type == type) return stateMachine ? entry.stateMachine : entry.function;
  }
  return {};
}

}  // namespace samshift::sam
