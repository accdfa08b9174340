#include "model/references.h"

#include <algorithm>

#include "model/intrinsics.h"

namespace samshift::model {

namespace {

class ReferenceCollector {
 public:
  explicit ReferenceCollector(std::vector<ReferenceSite>& out) : out_(out) {}

  // `entity`: a resource or an output, whose `Condition` attribute names a condition.
  void visit(const Node& node, bool entity = false) {
    if (auto name = refName(node)) {
      add(std::string(*name), name->size(), node.intrinsicArgument(), ReferenceForm::kRef);
      return;
    }
    if (auto target = getAttTarget(node)) {
      add(target->resource + "." + target->attribute, target->resource.size(),
          *target->resourceNode, ReferenceForm::kGetAtt);
      const Node& arg = node.intrinsicArgument();
      if (arg.isSequence() && arg.items().size() > 1) visit(arg.items()[1]);
      return;
    }
    std::string_view function = node.intrinsicName();
    const Node& arg = function.empty() ? missingNode() : node.intrinsicArgument();
    if (function == "Fn::Sub") return sub(arg);
    if (function == "Condition" && arg.isString()) return condition(arg);
    if ((function == "Fn::If" || function == "Fn::FindInMap") && arg.isSequence() &&
        !arg.items().empty() && arg.items()[0].isString()) {
      const Node& first = arg.items()[0];
      if (function == "Fn::If") {
        condition(first);
      } else {
        add(first.text(), first.text().size(), first, ReferenceForm::kFindInMap);
      }
      for (size_t i = 1; i < arg.items().size(); ++i) visit(arg.items()[i]);
      return;
    }
    for (const MapEntry& entry : node.entries()) {
      if (entry.key.text() == "DependsOn") {
        if (entry.value.isString()) dependsOn(entry.value);
        for (const Node& item : entry.value.items()) {
          if (item.isString()) dependsOn(item);
        }
        continue;
      }
      if (entity && entry.key.text() == "Condition" && entry.value.isString()) {
        condition(entry.value);
        continue;
      }
      visit(entry.value);
    }
    for (const Node& item : node.items()) visit(item);
  }

 private:
  void add(std::string name, size_t targetLength, const Node& at, ReferenceForm form,
           size_t offset = 0) {
    out_.push_back(ReferenceSite{std::move(name), targetLength, &at, form, offset});
  }
  void dependsOn(const Node& name) {
    add(name.text(), name.text().size(), name, ReferenceForm::kDependsOn);
  }
  void condition(const Node& name) {
    add(name.text(), name.text().size(), name, ReferenceForm::kCondition);
  }

  void sub(const Node& arg) {
    const Node& text = arg.isSequence() && !arg.items().empty() ? arg.items()[0] : arg;
    const Node* variables = arg.isSequence() && arg.items().size() > 1 ? &arg.items()[1] : nullptr;
    if (text.isString()) {
      for (SubReference& ref : subReferences(text.text())) {
        if (variables && variables->get(ref.name)) continue;  // a variable of its own
        size_t head = std::min(ref.name.find('.'), ref.name.size());
        size_t offset = ref.offset;
        add(std::move(ref.name), head, text, ReferenceForm::kSub, offset);
      }
    }
    // The variable map's values, and any argument of a shape Sub does not take, are walked too.
    if (arg.isSequence()) {
      if (!text.isString()) visit(text);
      for (size_t i = 1; i < arg.items().size(); ++i) visit(arg.items()[i]);
    } else if (!arg.isString()) {
      visit(arg);
    }
  }

  std::vector<ReferenceSite>& out_;
};

}  // namespace

std::vector<ReferenceSite> collectReferences(const Node& root) {
  std::vector<ReferenceSite> sites;
  ReferenceCollector collector(sites);
  for (const MapEntry& section : root.entries()) {
    bool entities = section.key.text() == "Resources" || section.key.text() == "Outputs";
    if (!entities) {
      collector.visit(section.value);
      continue;
    }
    for (const MapEntry& entity : section.value.entries()) collector.visit(entity.value, true);
  }
  return sites;
}

}  // namespace samshift::model
