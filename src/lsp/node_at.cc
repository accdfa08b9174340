#include "lsp/node_at.h"

namespace samshift::lsp {

namespace {

bool contains(core::Span span, uint32_t offset) {
  // Inclusive end: a cursor just after the last character of a word is still on it.
  return span.known() && span.begin <= offset && offset <= span.end;
}

}  // namespace

std::vector<std::string_view> NodeAt::keys() const {
  std::vector<std::string_view> out;
  for (size_t i = 1; i < steps.size(); ++i) {
    if (steps[i].keyNode) out.push_back(steps[i].key);
  }
  return out;
}

bool NodeAt::endsWith(std::initializer_list<std::string_view> suffix) const {
  std::vector<std::string_view> names = keys();
  if (suffix.size() > names.size()) return false;
  size_t start = names.size() - suffix.size();
  size_t i = 0;
  for (std::string_view name : suffix) {
    if (names[start + i++] != name) return false;
  }
  return true;
}

NodeAt nodeAt(const model::Node& root, uint32_t offset) {
  NodeAt at;
  at.steps.push_back(NodeStep{{}, nullptr, &root});
  const model::Node* current = &root;
  for (;;) {
    const NodeStep* next = nullptr;
    NodeStep step;
    if (current->isMapping()) {
      for (const model::MapEntry& entry : current->entries()) {
        if (contains(entry.key.span(), offset)) {
          at.steps.push_back(NodeStep{entry.key.text(), &entry.key, &entry.value});
          at.onKey = true;
          return at;
        }
        if (contains(entry.value.span(), offset)) {
          step = NodeStep{entry.key.text(), &entry.key, &entry.value};
          next = &step;
          break;
        }
      }
    } else if (current->isSequence()) {
      for (const model::Node& item : current->items()) {
        if (contains(item.span(), offset)) {
          step = NodeStep{{}, nullptr, &item};
          next = &step;
          break;
        }
      }
    }
    if (!next) return at;
    at.steps.push_back(*next);
    current = next->node;
  }
}

}  // namespace samshift::lsp
