#include "rules/shared/reference_sites.h"

#include <algorithm>

#include "model/intrinsics.h"

namespace samshift::rules {

namespace {

using model::Node;

class ReferenceCollector {
 public:
  explicit ReferenceCollector(std::vector<ReferenceSite>& out) : out_(out) {}

  void visit(const Node& node) {
    if (auto name = model::refName(node)) {
      add(std::string(*name), name->size(), node.intrinsicArgument(), ReferenceForm::kRef);
      return;
    }
    if (auto target = model::getAttTarget(node)) {
      add(target->resource + "." + target->attribute, target->resource.size(),
          *target->resourceNode, ReferenceForm::kGetAtt);
      return;
    }
    if (node.intrinsicName() == "Fn::Sub") {
      const Node& arg = node.intrinsicArgument();
      const Node& text = arg.isSequence() && !arg.items().empty() ? arg.items()[0] : arg;
      if (text.isString()) {
        for (model::SubReference& ref : model::subReferences(text.text())) {
          size_t head = std::min(ref.name.find('.'), ref.name.size());
          add(std::move(ref.name), head, text, ReferenceForm::kSub);
        }
      }
    }
    for (const model::MapEntry& entry : node.entries()) {
      if (entry.key.text() == "DependsOn") {
        if (entry.value.isString()) dependsOn(entry.value);
        for (const Node& item : entry.value.items()) {
          if (item.isString()) dependsOn(item);
        }
        continue;
      }
      visit(entry.value);
    }
    for (const Node& item : node.items()) visit(item);
  }

 private:
  void add(std::string name, size_t targetLength, const Node& at, ReferenceForm form) {
    out_.push_back(ReferenceSite{std::move(name), targetLength, &at, form});
  }
  void dependsOn(const Node& name) {
    add(name.text(), name.text().size(), name, ReferenceForm::kDependsOn);
  }

  std::vector<ReferenceSite>& out_;
};

}  // namespace

const std::vector<ReferenceSite>& referenceSites(const engine::RuleContext& context) {
  return context.facts.get<std::vector<ReferenceSite>>([&] {
    std::vector<ReferenceSite> sites;
    ReferenceCollector(sites).visit(context.templ.root());
    return sites;
  });
}

}  // namespace samshift::rules
