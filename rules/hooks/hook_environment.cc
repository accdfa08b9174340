#include "rules/hooks/hook_environment.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "model/intrinsics.h"
#include "rules/hooks/hook_facts.h"
#include "sam/globals.h"

namespace samshift::rules {

namespace {

using model::Node;

class FunctionCollector {
 public:
  FunctionCollector(const model::Template& templ, std::vector<const model::ResourceView*>& out)
      : templ_(templ), out_(out) {}

  void visit(const Node& node) {
    if (auto name = model::refName(node)) return add(*name);
    if (auto target = model::getAttTarget(node)) return add(target->resource);
    if (node.intrinsicName() == "Fn::Sub") {
      const Node& arg = node.intrinsicArgument();
      const Node& text = arg.isSequence() && !arg.items().empty() ? arg.items()[0] : arg;
      if (text.isString()) {
        for (const model::SubReference& ref : model::subReferences(text.text())) add(ref.name);
      }
    }
    for (const model::MapEntry& entry : node.entries()) visit(entry.value);
    for (const Node& item : node.items()) visit(item);
  }

 private:
  // `Orders.Version` names `Orders`.
  void add(std::string_view name) {
    name = name.substr(0, std::min(name.find('.'), name.size()));
    const model::ResourceView* resource = templ_.resource(name);
    if (!resource || !isFunctionType(resource->type)) return;
    if (std::find(out_.begin(), out_.end(), resource) == out_.end()) out_.push_back(resource);
  }

  const model::Template& templ_;
  std::vector<const model::ResourceView*>& out_;
};

}  // namespace

std::vector<const model::ResourceView*> functionsNamedByEnvironment(
    const model::Template& templ, const model::ResourceView& hook) {
  std::vector<const model::ResourceView*> named;
  FunctionCollector collector(templ, named);
  if (const Node* own = hook.property("Environment")) collector.visit(*own);
  // SAM merges Globals' Environment into the function's (a mapping merges, anything else of the
  // function's own replaces it; a stray value is still evidence of intent).
  std::string_view section = sam::globalsSectionFor(hook.type);
  const Node* globals = section.empty() ? nullptr : templ.globals();
  const Node* shared = globals && globals->isMapping() ? globals->get(section) : nullptr;
  if (shared && shared->isMapping()) {
    if (const Node* environment = shared->get("Environment")) collector.visit(*environment);
  }
  return named;
}

}  // namespace samshift::rules
