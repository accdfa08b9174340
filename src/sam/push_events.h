#pragma once
// What SAM rejects in the push events of a function or a state machine (Schedule, CloudWatchEvent,
// EventBridgeRule, ScheduleV2, AlexaSkill, Cognito, SNS, S3, IoTRule, CloudWatchLogs), in the two
// steps SAM meets them: when it links the events (each event's `from_dict` checks its property
// names and types, then its `resources_to_link`), before it transforms the owner; and when the
// event's `to_cloudformation` builds its resources, once the owner is built
// (samtranslator/model/eventsources/push.py, model/stepfunctions/events.py,
// model/eventbridge_utils.py).

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/node.h"
#include "model/template.h"
#include "sam/validation.h"

namespace samshift::sam {

// Which of SAM's two families of event sources reads the event.
enum class EventOwner { kFunction, kStateMachine };

// The Cognito events of the template's functions by the user pool they name (`UserPool: !Ref`),
// in the order SAM builds the functions (template order): which triggers a pool already has when
// SAM builds a later event. Built once per template (sam/template_index.h).
struct CognitoEventsByPool {
  struct Use {
    const model::ResourceView* function;
    const model::Node* event;
  };
  std::unordered_map<std::string, std::vector<Use>> byPool;

  explicit CognitoEventsByPool(const model::Template& templ);
};

// One event of a function or state machine: `ownerId` is the resource's logical ID, `name` the
// event's key, `event` its `{Type, Properties}` mapping.
struct PushEvent {
  const model::Template& templ;
  std::string_view ownerId;
  EventOwner owner;
  const std::string& name;
  const model::Node& event;
  // The owner's events SAM builds before this one (what a Cognito trigger may collide with).
  std::vector<const model::Node*> earlier = {};
  // The template's, when the caller has them; else a Cognito event reads the template itself.
  const CognitoEventsByPool* cognito = nullptr;
};

// True for the event types this file checks (for `owner`).
bool isPushEventType(EventOwner owner, std::string_view type);

// What SAM finds when it links the event: an unknown property, a missing or mistyped one, or the
// resource it must find in the template (an S3 bucket, a Cognito user pool). nullopt when none.
std::optional<SamProblem> pushEventLinkProblem(const PushEvent& event);

// What SAM finds when it builds the event's resources (DeadLetterConfig, State with Enabled,
// SqsSubscription, the bucket or user pool it amends). nullopt when none.
std::optional<SamProblem> pushEventBuildProblem(const PushEvent& event);

// The first link problem of a state machine's events, in template order (a function's are met
// among its own checks, by pushEventLinkProblem).
std::optional<SamProblem> stateMachineEventsLinkProblem(const model::Template& templ,
                                                        const model::ResourceView& resource);

// The first build problem of the events of `resource` (`props`: its Properties, with Globals for
// a function), in the order SAM builds them: a function sorts its events by their Path, or name
// when they have none (SamFunction.order_events); a state machine takes them as written.
// `index`: the template's, when the caller has one (sam/template_index.h).
std::optional<SamProblem> pushEventsBuildProblem(const model::Template& templ,
                                                 const model::ResourceView& resource,
                                                 const model::Node& props, EventOwner owner,
                                                 const TemplateIndex* index = nullptr);

}  // namespace samshift::sam
