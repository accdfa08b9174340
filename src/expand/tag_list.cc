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

}  // namespace samshift::expand
