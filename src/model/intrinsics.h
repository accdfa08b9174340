#pragma once
// Reading CloudFormation intrinsic functions: what a Ref, GetAtt or Sub names.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/node.h"

namespace samshift::model {

// The short-form tags CloudFormation accepts (`!Ref`, `!GetAtt`, …, and the Rules section's
// `!Contains`, `!EachMemberIn`, …), without the `!`.
bool isKnownShortForm(std::string_view tagName);
// The long-form function names CloudFormation accepts (`Ref`, `Fn::GetAtt`, `Condition`, …).
bool isKnownIntrinsic(std::string_view name);
bool isPseudoParameter(std::string_view name);

// `{Ref: X}` → X (a string argument only).
std::optional<std::string_view> refName(const Node& node);

struct GetAttTarget {
  std::string resource;
  std::string attribute;  // may be empty when the attribute is itself an intrinsic
  const Node* resourceNode = nullptr;
};
// `{Fn::GetAtt: [R, A]}` or `{Fn::GetAtt: "R.A"}` → R, A.
std::optional<GetAttTarget> getAttTarget(const Node& node);

struct SubReference {
  std::string name;   // `X` or `X.Attr` as written inside ${}
  size_t offset = 0;  // byte offset of the name inside the string
};
// The `${…}` references of an Fn::Sub string, skipping `${!Literal}`.
std::vector<SubReference> subReferences(std::string_view text);

}  // namespace samshift::model
