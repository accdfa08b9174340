#pragma once
// Every place a template names a logical ID (`Ref`, `Fn::GetAtt`, the `${…}` of `Fn::Sub` and
// `DependsOn`), found in one walk of the whole tree per document (model::collectReferences) and
// shared by the rules that check what such names point at.

#include <vector>

#include "engine/rule.h"
#include "model/references.h"

namespace samshift::rules {

using model::ReferenceForm;
using model::ReferenceSite;

// The sites that name a parameter or resource (conditions and mappings left out).
const std::vector<ReferenceSite>& referenceSites(const engine::RuleContext& context);

}  // namespace samshift::rules
