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
inline model::Node seq(std::initializer_list<model::Node> items) {
  model::Node node = model::Node::sequence();
  for (const model::Node& item : items) node.push(item);
  return node;
}
inline model::Node map(std::initializer_list<std::pair<const char*, model::Node>> entries) {
  model::Node node = model::Node::mapping();
  for (const auto& [key, value] : entries) node.set(key, value);
  return node;
}
inline model::Node intrinsic(const char* name, model::Node argument) {
  model::Node node = model::Node::mapping();
  node.set(name, std::move(argument));
  return node;
}

}  // namespace samshift::expand
