#pragma once
// An API's `Auth.UsagePlan` (samtranslator/model/api/api_generator.py `_construct_usage_plan`,
// `_construct_api_key`, `_construct_usage_plan_key`, `SharedApiUsagePlan`): PER_API gives the API
// its own UsagePlan, ApiKey and UsagePlanKey; SHARED gives every such API one ServerlessUsagePlan,
// ServerlessApiKey and ServerlessUsagePlanKey; NONE gives nothing.

#include <string>

#include "expand/api/api_state.h"
#include "expand/context.h"

namespace samshift::expand::api {

// Why samshift does not expand this (truthy) Auth.UsagePlan yet, or empty. What SAM rejects is
// refused here too, until it is a SAM problem of its own.
std::string unsupportedUsagePlan(const model::Node& usagePlan);

// _construct_usage_plan for one API, after its Stage: a PER_API plan's resources, or the API's
// place in the shared plan (emitted by emitSharedUsagePlan). `propagatedTags`: the tag list the
// API propagates (stageTags), or null; SamApi.propagate_tags gives it to the plan and its key.
void addUsagePlan(ExpandContext& ctx, const std::string& id, const RestApi& api,
                  const std::string& stageId, const PassThrough& pass,
                  const model::Node* propagatedTags);

// The shared plan's three resources, as the last API that joined it leaves them.
void emitSharedUsagePlan(ExpandContext& ctx);

}  // namespace samshift::expand::api
