#pragma once
// Every place a template names something it defines: `Ref`, `Fn::GetAtt`, the `${…}` of
// `Fn::Sub`, `DependsOn`, condition names (a resource's or output's `Condition`, `Fn::If`'s first
// argument, `{Condition: X}`) and `Fn::FindInMap`'s map. One walk of the tree, shared by the
// rules that check what the names point at and by the language server's navigation and rename.

#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"

namespace samshift::model {

// How a site names its target. DependsOn takes logical IDs only (`Fn.Alias` is not resolved
// there); Ref, GetAtt and Sub also take the names SAM resolves; kCondition names a condition and
// kFindInMap a mapping.
enum class ReferenceForm { kRef, kGetAtt, kSub, kDependsOn, kCondition, kFindInMap };

struct ReferenceSite {
  std::string name;     // as written: `Fn`, `Fn.Alias`; a GetAtt's `Resource.Attribute`
  size_t targetLength;  // of `name`'s leading part that names the target
  const Node* at;       // the string holding the name: the Ref's name, GetAtt's resource, …
  ReferenceForm form;
  size_t offset = 0;  // where `name` starts in `at->text()` (non-zero inside a Sub string)

  // What is named: the whole name of a Ref or DependsOn, a GetAtt's resource, the part of a
  // Sub variable before its first `.` (`Fn` of `${Fn.Arn}`).
  std::string_view target() const { return std::string_view(name).substr(0, targetLength); }
  // True for the forms that name a parameter or resource (not a condition or mapping).
  bool namesLogicalId() const {
    return form != ReferenceForm::kCondition && form != ReferenceForm::kFindInMap;
  }
};

// The sites of the whole template, in document order. `${X}` names that an Fn::Sub's own
// variable map defines are not references and are left out.
std::vector<ReferenceSite> collectReferences(const Node& root);

}  // namespace samshift::model
