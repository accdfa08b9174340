#include "sam/push_event_specs.h"

namespace samshift::sam {

namespace {

// The validators of these sources beyond IS_STR, IS_DICT and IS_BOOL
// (samtranslator/model/types.py).
const PropertyValidator kStringOrStringList = oneOf({isSamString, listOf(isSamString)});
const PropertyValidator kBoolOrMap = oneOf({isSamBool, isSamMap});
const PropertyValidator kStringMap = dictOf(isSamString, isSamString);

// samtranslator/model/eventsources/push.py, Schedule.
const SamPropertyType kFunctionSchedule[] = {
    {"Schedule", true, isSamString},     {"RuleName", false, isSamString},
    {"Input", false, isSamString},       {"Enabled", false, isSamBool},
    {"State", false, isSamString},       {"Name", false, isSamString},
    {"Description", false, isSamString}, {"DeadLetterConfig", false, isSamMap},
    {"RetryPolicy", false, isSamMap},
};

// push.py, CloudWatchEvent (and EventBridgeRule).
const SamPropertyType kFunctionRule[] = {
    {"EventBusName", false, isSamString},  {"RuleName", false, isSamString},
    {"Pattern", false, isSamMap},          {"DeadLetterConfig", false, isSamMap},
    {"RetryPolicy", false, isSamMap},      {"Input", false, isSamString},
    {"InputPath", false, isSamString},     {"Target", false, isSamMap},
    {"Enabled", false, isSamBool},         {"State", false, isSamString},
    {"InputTransformer", false, isSamMap},
};

// model/stepfunctions/events.py, Schedule.
const SamPropertyType kStateMachineSchedule[] = {
    {"Schedule", true, isSamString},       {"Input", false, isSamString},
    {"Enabled", false, isSamBool},         {"State", false, isSamString},
    {"Name", false, isSamString},          {"Description", false, isSamString},
    {"DeadLetterConfig", false, isSamMap}, {"RetryPolicy", false, isSamMap},
    {"Target", false, isSamMap, false},    {"RoleArn", false, isSamString, false},
};

// stepfunctions/events.py, CloudWatchEvent (and EventBridgeRule).
const SamPropertyType kStateMachineRule[] = {
    {"EventBusName", false, isSamString}, {"RuleName", false, isSamString},
    {"Pattern", false, isSamMap},         {"Input", false, isSamString},
    {"InputPath", false, isSamString},    {"DeadLetterConfig", false, isSamMap},
    {"RetryPolicy", false, isSamMap},     {"State", false, isSamString},
    {"Target", false, isSamMap, false},   {"InputTransformer", false, isSamMap},
};

// model/eventsources/scheduler.py, SchedulerEventSource (functions and state machines).
const SamPropertyType kScheduleV2[] = {
    {"PermissionsBoundary", false, isSamString},
    {"ScheduleExpression", true, isSamString},
    {"FlexibleTimeWindow", false, isSamMap},
    {"Name", false, isSamString},
    {"State", false, isSamString},
    {"Description", false, isSamString},
    {"StartDate", false, isSamString},
    {"EndDate", false, isSamString},
    {"ScheduleExpressionTimezone", false, isSamString},
    {"GroupName", false, isSamString},
    {"KmsKeyArn", false, isSamString},
    {"Input", false, isSamString},
    {"RoleArn", false, isSamString},
    {"DeadLetterConfig", false, isSamMap},
    {"RetryPolicy", false, isSamMap},
    {"OmitName", false, isSamBool, false},
};

const SamPropertyType kAlexaSkill[] = {{"SkillId", false, isSamString}};

const SamPropertyType kIoTRule[] = {{"Sql", true, isSamString},
                                    {"AwsIotSqlVersion", false, isSamString}};

// model/eventsources/cloudwatchlogs.py.
const SamPropertyType kCloudWatchLogs[] = {{"LogGroupName", true, isSamString},
                                           {"FilterPattern", true, isSamString}};

const SamPropertyType kCognito[] = {
    {"UserPool", true, isSamString},
    {"Trigger", true, kStringOrStringList, false},
};

const SamPropertyType kSns[] = {
    {"Topic", true, isSamString},
    {"Region", false, isSamString},
    {"FilterPolicy", false, {}},
    {"FilterPolicyScope", false, {}},
    {"SqsSubscription", false, kBoolOrMap},
    {"RedrivePolicy", false, isSamMap},
};

const SamPropertyType kS3[] = {
    {"Bucket", true, isSamString},
    {"Events", true, kStringOrStringList, false},
    {"Filter", false, kStringMap},
};

// model/stepfunctions/events.py, Api, as the implicit API plugin leaves it: it gives an event
// without RestApiId a Ref to ServerlessRestApi, so RestApiId is never missing here.
const SamPropertyType kStateMachineApi[] = {
    {"Path", true, isSamString},       {"Method", true, isSamString},
    {"RestApiId", false, isSamString}, {"Stage", false, isSamString},
    {"Auth", false, isSamMap},         {"UnescapeMappingTemplate", false, isSamBool, false},
};

struct TypeSpecs {
  std::string_view type;
  std::span<const SamPropertyType> function;
  std::span<const SamPropertyType> stateMachine;
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

std::span<const SamPropertyType> stateMachineApiEventSpecs() { return kStateMachineApi; }

std::span<const SamPropertyType> pushEventSpecs(bool stateMachine, std::string_view type) {
  for (const TypeSpecs& entry : kTypes) {
    if (entry.type == type) return stateMachine ? entry.stateMachine : entry.function;
  }
  return {};
}

}  // namespace samshift::sam
