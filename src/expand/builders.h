#pragma once
// Small constructors for the CloudFormation nodes the emitters write.

#include <initializer_list>
#include <string>
#include <utility>

#include "model/node.h"

namespace samshift::expand {

inline model::Node str(std::string value) { return model::Node::string(std::move(value)); }
inline model::Node ref(std::string id) {
  model::Node node = model::Node::mapping();
  node.set("Ref", str(std::move(id)));
  return node;
}
inline model::Node getAtt(std::string id, std::string attribute) {
  model::Node list = model::Node::sequence();
  list.push(str(std::move(id)));
  list.push(str(std::move(attribute)));
  model::Node node = model::Node::mapping();
  node.set("Fn::GetAtt", std::move(list));
  return node;
}
// The elements of a braced list are const, so a list of plain Nodes could only be copied out of,
// and a nested literal (a map of maps of lists) would be copied again at every level. These hold
// each value `mutable`, so seq and map move it: the output of 1,000 functions is thousands of
// such literals.
struct SeqItem {
  SeqItem(model::Node node) : value(std::move(node)) {}  // NOLINT: implicit, for `seq({a, b})`
  mutable model::Node value;
};
struct MapField {
  const char* key;
  mutable model::Node value;
};
inline model::Node seq(std::initializer_list<SeqItem> items) {
  model::Node node = model::Node::sequence();
  node.items().reserve(items.size());
  for (const SeqItem& item : items) node.push(std::move(item.value));
  return node;
}
inline model::Node map(std::initializer_list<MapField> entries) {
  model::Node node = model::Node::mapping();
  node.entries().reserve(entries.size());
  for (const MapField& field : entries) node.set(field.key, std::move(field.value));
  return node;
}
inline model::Node intrinsic(const char* name, model::Node argument) {
  model::Node node = model::Node::mapping();
  node.set(name, std::move(argument));
  return node;
}

}  // namespace samshift::expand
