#pragma once
// CloudFormation's YAML short forms (`!Ref x`, `!GetAtt a.b`, `!Sub …`) turned into the long
// forms (`{Ref: x}`, `{Fn::GetAtt: [a, b]}`, `{Fn::Sub: …}`) exactly as the SAM transform's
// loader does: every local tag `!Name` becomes `Fn::Name` (`Ref` and `Condition` keep their
// name), a scalar argument stays a string, and a scalar `!GetAtt` splits at its first dot.

#include <string_view>

#include "core/location.h"
#include "model/node.h"

namespace samshift::load {

// A local tag such as `!Ref` (not the non-specific `!`, not a `!!` core tag).
bool isShortFormTag(std::string_view tag);

// Wraps the tagged value into its long form; `tagSpan` is where the tag is written.
model::Node wrapShortForm(std::string_view tag, model::Node value, core::Span tagSpan);

}  // namespace samshift::load
