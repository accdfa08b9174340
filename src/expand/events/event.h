#pragma once
// Event sources of a function (`Events:`), one emitter per family. Every emitter receives the
// event's logical-ID prefix (`<Function><EventId>`), its Properties, and the function state whose
// target() is the alias when there is one (docs/sam-semantics.md §8.1).

#include <string>
#include <string_view>

#include "expand/context.h"
#include "expand/function_state.h"
#include "model/node.h"

namespace samshift::expand::events {

struct Event {
  std::string id;  // <Function><EventId>
  const model::Node& properties;
  std::string name;  // <EventId>
};

void emitPull(ExpandContext& ctx, FunctionState& fn, const Event& event, const std::string& type);
void emitSns(ExpandContext& ctx, FunctionState& fn, const Event& event);
void emitS3(ExpandContext& ctx, FunctionState& fn, const Event& event);
void emitRule(ExpandContext& ctx, FunctionState& fn, const Event& event, const std::string& type);
void emitLogs(ExpandContext& ctx, FunctionState& fn, const Event& event);
void emitIot(ExpandContext& ctx, FunctionState& fn, const Event& event);
void emitCognito(ExpandContext& ctx, FunctionState& fn, const Event& event);
void emitAlexaSkill(ExpandContext& ctx, FunctionState& fn, const Event& event);
void emitFunctionScheduleV2(ExpandContext& ctx, FunctionState& fn, const Event& event);
void emitApi(ExpandContext& ctx, FunctionState& fn, const Event& event);
void emitHttpApi(ExpandContext& ctx, FunctionState& fn, const Event& event);

// The SourceArn of an API Gateway permission:
// `<prefix>:execute-api:…:${__ApiId__}/${__Stage__}/METHOD/path`.
model::Node apiPermissionSourceArn(const std::string& partitionPrefix, const model::Node& apiId,
                                   const std::string& method, const std::string& path);

// `<id>Permission`: lets `principal` invoke the function (or its alias).
model::Node permission(const FunctionState& fn, const char* principal);
// Refuses (not supported yet) any property of the event outside `known`.
void requireKnown(ExpandContext& ctx, const Event& event, const std::string& type,
                  std::initializer_list<const char*> known);
// Copies the listed keys of `from` that are present.
void copyKeys(model::Node& to, const model::Node& from, std::initializer_list<const char*> keys);

}  // namespace samshift::expand::events
