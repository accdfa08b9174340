#pragma once
// The Domain of an AWS::Serverless::Api that `Globals: Api` and the resource both give, with its
// keys in the order of the dict SAM's Globals merge builds (plugins/globals/globals.py
// _merge_dict): the make_auto_deployable hash writes that dict out.

#include <optional>

#include "model/node.h"

namespace samshift::expand::api {

// `merged`: the Domain with Globals merged (sam::propertiesWithGlobals), `global` / `local` the
// Domains of `Globals: Api` and of the resource. nullopt when SAM's order is not modelled.
std::optional<model::Node> domainInSamMergeOrder(const model::Node& merged,
                                                 const model::Node& global,
                                                 const model::Node& local);

}  // namespace samshift::expand::api
