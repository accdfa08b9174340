#include "expand/tag_list.h"

#include "expand/builders.h"

namespace samshift::expand {

model::Node tagListOf(const model::Node& tags) {
  model::Node list = model::Node::sequence();
  for (const model::MapEntry& entry : tags.entries()) {
    list.push(map(
        {{"Key", str(entry.key.text())}, {"Value", entry.value.isNull() ? str("") : entry.value}}));
  }
  return list;
}

void assignTags(model::Node& properties, const model::Node& tags,
                std::initializer_list<const char*> following) {
  if (model::Node* existing = properties.get("Tags")) {
    *existing = tags;
    return;
  }
  model::Node out = model::Node::mapping();
  for (const model::MapEntry& entry : properties.entries()) {
    for (const char* name : following) {
      if (!out.has("Tags") && entry.key.text() == name) out.set("Tags", tags);
    }
    out.set(entry.key.text(), entry.value);
  }
  if (!out.has("Tags")) out.set("Tags", tags);
  properties = std::move(out);
}

}  // namespace samshift::expand
