#include "model/intrinsics.h"

#include <algorithm>
#include <array>

namespace samshift::model {

namespace {

// Functions of templates, then GetStackOutput (cross-stack), then those of the Rules section.
constexpr std::array<std::string_view, 27> kShortForms = {"Ref",
                                                          "GetAtt",
                                                          "Sub",
                                                          "Join",
                                                          "If",
                                                          "Equals",
                                                          "Not",
                                                          "And",
                                                          "Or",
                                                          "Select",
                                                          "Split",
                                                          "FindInMap",
                                                          "Base64",
                                                          "Cidr",
                                                          "GetAZs",
                                                          "ImportValue",
                                                          "Condition",
                                                          "Transform",
                                                          "Length",
                                                          "ToJsonString",
                                                          "GetStackOutput",
                                                          "Contains",
                                                          "EachMemberEquals",
                                                          "EachMemberIn",
                                                          "RefAll",
                                                          "ValueOf",
                                                          "ValueOfAll"};

constexpr std::array<std::string_view, 8> kPseudoParameters = {
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",   "AWS::Partition",
    "AWS::Region",    "AWS::StackId",          "AWS::StackName", "AWS::URLSuffix"};

template <size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

bool isKnownShortForm(std::string_view tagName) { return contains(kShortForms, tagName); }

bool isKnownIntrinsic(std::string_view name) {
  if (name == "Ref" || name == "Condition") return true;
  if (name.substr(0, 4) != "Fn::") return false;
  std::string_view bare = name.substr(4);
  if (bare.substr(0, 9) == "ForEach::") return true;
  return bare != "Ref" && bare != "Condition" && (contains(kShortForms, bare) || bare == "ForEach");
}

bool isPseudoParameter(std::string_view name) { return contains(kPseudoParameters, name); }

std::optional<std::string_view> refName(const Node& node) {
  if (node.intrinsicName() != "Ref") return std::nullopt;
  const Node& arg = node.intrinsicArgument();
  if (!arg.isString()) return std::nullopt;
  return std::string_view(arg.text());
}

std::optional<GetAttTarget> getAttTarget(const Node& node) {
  if (node.intrinsicName() != "Fn::GetAtt") return std::nullopt;
  const Node& arg = node.intrinsicArgument();
  GetAttTarget target;
  if (arg.isString()) {
    size_t dot = arg.text().find('.');
    target.resource = arg.text().substr(0, dot);
    if (dot != std::string::npos) target.attribute = arg.text().substr(dot + 1);
    target.resourceNode = &arg;
    return target;
  }
  if (arg.isSequence() && !arg.items().empty() && arg.items()[0].isString()) {
    target.resource = arg.items()[0].text();
    target.resourceNode = &arg.items()[0];
    if (arg.items().size() > 1 && arg.items()[1].isString())
      target.attribute = arg.items()[1].text();
    return target;
  }
  return std::nullopt;
}

std::vector<SubReference> subReferences(std::string_view text) {
  std::vector<SubReference> out;
  size_t pos = 0;
  while ((pos = text.find("${", pos)) != std::string_view::npos) {
    size_t close = text.find('}', pos + 2);
    if (close == std::string_view::npos) break;
    if (text[pos + 2] != '!') {
      std::string_view name = text.substr(pos + 2, close - pos - 2);
      size_t first = name.find_first_not_of(" \t");
      size_t last = name.find_last_not_of(" \t");
      if (first != std::string_view::npos) {
        out.push_back(
            SubReference{std::string(name.substr(first, last - first + 1)), pos + 2 + first});
      }
    }
    pos = close + 1;
  }
  return out;
}

}  // namespace samshift::model
