#include "sam/combined_condition.h"

#include <algorithm>

namespace samshift::sam {

using model::Node;

std::vector<std::pair<std::string, Node>> combinedConditions(const std::string& name,
                                                             std::vector<std::string> conditions) {
  constexpr size_t kMaxOr = 10;
  std::vector<std::pair<std::string, Node>> out;
  if (conditions.size() < 2) return out;
  // calculate_number_of_conditions, less one: how many numbered conditions come first.
  size_t counter = (conditions.size() - 2) / (kMaxOr - 1);
  while (conditions.size() > 1) {
    std::string added = counter == 0 ? name : name + std::to_string(counter);
    if (counter > 0) --counter;
    size_t take = std::min(kMaxOr, conditions.size());
    Node list = Node::sequence();
    for (size_t i = 0; i < take; ++i) {
      Node reference = Node::mapping();
      reference.set("Condition", Node::string(conditions[i]));
      list.push(std::move(reference));
    }
    conditions.erase(conditions.begin(), conditions.begin() + static_cast<long>(take));
    conditions.push_back(added);
    Node orNode = Node::mapping();
    orNode.set("Fn::Or", std::move(list));
    out.emplace_back(std::move(added), std::move(orNode));
  }
  return out;
}

std::string apiPathConditionName(const std::string& apiId, const std::string& path) {
  std::string out = apiId;
  for (char c : path) {
    if (c == '/') {
      out += "SLASH";
    } else if (c == '{') {
      out += "OB";
    } else if (c == '}') {
      out += "CB";
    } else {
      out += c;
    }
  }
  return out + "PathCondition";
}

}  // namespace samshift::sam
