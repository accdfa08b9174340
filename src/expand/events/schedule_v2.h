#pragma once
// ScheduleV2 events of functions and state machines: an AWS::Scheduler::Schedule `<id>` and,
// without RoleArn, the role `<id>Role` it runs as (samtranslator/model/eventsources/scheduler.py).

#include <string>

#include "expand/context.h"
#include "model/node.h"

namespace samshift::expand::events {

struct ScheduleV2Target {
  model::Node arn;           // the function, alias or state machine
  model::Node invokePolicy;  // the role's policy that lets the schedule invoke the target
  const model::Node* tags;   // what PropagateTags gives the role and queue, or null
};

// `id` is `<Owner><EventId>`; `properties` were checked by src/sam (push_events.cc).
void emitScheduleV2(ExpandContext& ctx, const std::string& id, const model::Node& properties,
                    const ScheduleV2Target& target, const PassThrough& pass);

}  // namespace samshift::expand::events
