#include "sam/transforms.h"

namespace samshift::sam {

using model::Node;

namespace {

constexpr std::string_view kLanguageExtensions = "AWS::LanguageExtensions";

}  // namespace

LanguageExtensions languageExtensions(const model::Template& templ) {
  const Node* transform = templ.section("Transform");
  if (!transform) return LanguageExtensions::kAbsent;
  // A single name, or a list of names in the order CloudFormation applies them.
  std::vector<const Node*> names;
  if (transform->isSequence()) {
    for (const Node& item : transform->items()) names.push_back(&item);
  } else {
    names.push_back(transform);
  }
  bool samSeen = false;
  for (const Node* name : names) {
    if (name->isString(kLanguageExtensions)) {
      if (samSeen) return LanguageExtensions::kAfterSam;
      return model::namesSamTransform(transform) ? LanguageExtensions::kBeforeSam
                                                 : LanguageExtensions::kWithoutSam;
    }
    samSeen = samSeen || model::namesSamTransform(name);
  }
  return LanguageExtensions::kAbsent;
}

std::optional<std::string> unsupportedTransform(const model::Template& templ) {
  switch (languageExtensions(templ)) {
    case LanguageExtensions::kAbsent:
      return std::nullopt;
    case LanguageExtensions::kBeforeSam:
      return "the AWS::LanguageExtensions transform, which CloudFormation applies before SAM's "
             "(Fn::ForEach and the other language extensions are not expanded)";
    case LanguageExtensions::kAfterSam:
      return "the AWS::LanguageExtensions transform, which CloudFormation applies to SAM's output";
    case LanguageExtensions::kWithoutSam:
      return "the AWS::LanguageExtensions transform without SAM's (CloudFormation would not run "
             "the SAM transform at all)";
  }
  return std::nullopt;
}

}  // namespace samshift::sam
