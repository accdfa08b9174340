#pragma once
// What a hook function's environment says about the function it calls. A traffic hook learns
// which version to test from its environment (`TARGET: !Ref Orders.Version`): a hook whose
// environment names no function only reports a status, so rules that expect it to invoke its
// target need this evidence.

#include <vector>

#include "model/template.h"

namespace samshift::rules {

// The Lambda functions of the template that `hook`'s `Environment` (its own and the Globals one
// SAM merges into it) names by `Ref`, `GetAtt` or `${…}` in `Sub`, in any form: `Orders`,
// `Orders.Version`, `Orders.Alias`, `Orders.Arn`. Each once, in order of appearance.
std::vector<const model::ResourceView*> functionsNamedByEnvironment(
    const model::Template& templ, const model::ResourceView& hook);

}  // namespace samshift::rules
