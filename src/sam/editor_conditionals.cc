#include "sam/editor_conditionals.h"

#include "model/intrinsics.h"

namespace samshift::sam {

using model::Node;

bool editorConditionalContents(const Node& item, std::vector<const Node*>& out) {
  const Node* branches = item.isMapping() ? item.get("Fn::If") : nullptr;
  if (!branches) {
    out.push_back(&item);
    return true;
  }
  if (!branches->isSequence()) return false;
  for (size_t i = 1; i < branches->items().size(); ++i) {
    const Node& branch = branches->items()[i];
    // is_intrinsic_no_value: a one-key {"Ref": "AWS::NoValue"}.
    if (model::refName(branch) != "AWS::NoValue") out.push_back(&branch);
  }
  return true;
}

}  // namespace samshift::sam
