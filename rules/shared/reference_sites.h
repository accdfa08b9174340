#pragma once
// Every place a template names a logical ID: `Ref`, `Fn::GetAtt`, the `${…}` of `Fn::Sub` and
// `DependsOn`, found in one walk of the whole tree per document and shared by the rules that
// check what such names point at.

#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"
#include "model/node.h"

namespace samshift::rules {

// How a site names its target: DependsOn takes logical IDs only (`Fn.Alias` is not resolved
// there), the others also take the names SAM resolves.
enum class ReferenceForm { kRef, kGetAtt, kSub, kDependsOn };

struct ReferenceSite {
  std::string name;       // as written: `Fn`, `Fn.Alias`; a GetAtt's `Resource.Attribute`
  size_t targetLength;    // of `name`'s leading part that names the resource
  const model::Node* at;  // where to report: the Ref's name, GetAtt's resource, the Sub text
  ReferenceForm form;

  // The resource named: the whole name of a Ref or DependsOn, a GetAtt's resource, the part of
  // a Sub variable before its first `.` (`Fn` of `${Fn.Arn}`).
  std::string_view target() const { return std::string_view(name).substr(0, targetLength); }
};

const std::vector<ReferenceSite>& referenceSites(const engine::RuleContext& context);

}  // namespace samshift::rules
