#include "fuzz/template_values.h"

#include <cstdint>
#include <limits>

#include "fuzz/template_vocabulary.h"
#include "sam/deployment_configs.h"
#include "sam/deployment_model.h"

namespace samshift::fuzz {

using model::Node;

Node intrinsic(std::string_view name, Node argument) {
  Node node = Node::mapping();
  node.set(name, std::move(argument));
  return node;
}

Node listOf(std::vector<Node> items) {
  Node list = Node::sequence();
  for (Node& item : items) list.push(std::move(item));
  return list;
}

namespace {

void addNames(std::vector<std::string>& into, const Node* section) {
  if (!section || !section->isMapping()) return;
  for (const model::MapEntry& entry : section->entries()) {
    if (entry.key.isString()) into.push_back(entry.key.text());
  }
}

}  // namespace

TemplateNames TemplateNames::of(const Node& root) {
  TemplateNames names;
  addNames(names.parameters, root.get("Parameters"));
  addNames(names.conditions, root.get("Conditions"));
  addNames(names.mappings, root.get("Mappings"));
  const Node* resources = root.get("Resources");
  if (!resources || !resources->isMapping()) return names;
  for (const model::MapEntry& entry : resources->entries()) {
    if (!entry.key.isString()) continue;
    const std::string& id = entry.key.text();
    names.resources.push_back(id);
    names.generated.push_back(id + ".Alias");
    names.generated.push_back(id + ".Version");
    const Node* type = entry.value.get("Type");
    if (type && type->isString()) names.resourceTypes.push_back(type->text());
    const Node* alias = entry.value.get("Properties")
                            ? entry.value.get("Properties")->get("AutoPublishAlias")
                            : nullptr;
    if (alias && alias->isString())
      names.generated.push_back(sam::aliasLogicalId(id, alias->text()));
  }
  return names;
}

std::string ValueMaker::pickName(const std::vector<std::string>& names, const char* fallback) {
  return names.empty() ? std::string(fallback) : random_.pick(names);
}

std::string ValueMaker::target(const std::string& own) {
  switch (random_.below(8)) {
    case 0:
    case 1:
      return own.empty() ? pickName(names_.parameters, "Missing") : own;
    case 2:
      return pickName(names_.parameters, "Missing");
    case 3:
      return pickName(names_.resources, "Missing");
    case 4:
      return pickName(names_.generated, "Missing.Alias");
    case 5:
      return pickName(names_.conditions, "Missing");
    case 6:
      return random_.oneIn(2) ? "AWS::Region" : "AWS::NoValue";
    default:
      return random_.oneIn(2) ? "Missing" : "";
  }
}

Node ValueMaker::reference(const std::string& name) {
  Node ref = intrinsic("Ref", Node::string(name));
  switch (random_.below(16)) {
    case 0:
    case 1:
      return ref;
    case 2:
      return listOf({ref});  // `[!Ref P]`
    case 3: {
      Node map = Node::mapping();  // `{X: !Ref P}`
      map.set("X", ref);
      return map;
    }
    case 4: {
      Node variables = Node::mapping();  // `!Sub ["${X}", {X: !Ref P}]`
      variables.set("X", ref);
      return intrinsic("Fn::Sub",
                       listOf({Node::string("${X}-${" + name + "}"), std::move(variables)}));
    }
    case 5:
      return intrinsic("Fn::Sub", Node::string("${" + name + "}"));
    case 6: {
      std::string map = pickName(names_.mappings, "Map");  // `!FindInMap [M, !Ref P, k]`
      return intrinsic("Fn::FindInMap", listOf({Node::string(map), ref, Node::string("key")}));
    }
    case 7: {
      std::string condition = random_.oneIn(2) ? name : pickName(names_.conditions, "Cond");
      return intrinsic("Fn::If", listOf({Node::string(condition), ref,
                                         intrinsic("Ref", Node::string("AWS::NoValue"))}));
    }
    case 8: {
      std::string attribute(random_.pick(attributeNames()));
      if (random_.oneIn(2)) return intrinsic("Fn::GetAtt", Node::string(name + "." + attribute));
      return intrinsic("Fn::GetAtt", listOf({Node::string(name), Node::string(attribute)}));
    }
    case 9:
      return intrinsic("Fn::Join", listOf({Node::string(""), listOf({ref})}));
    case 10:
      return intrinsic("Fn::Select", listOf({Node::integer(0), listOf({ref})}));
    case 11:
      return intrinsic("Condition", Node::string(name));
    case 12:
      return intrinsic("Fn::Equals", listOf({ref, Node::string("live")}));
    case 13:
      return intrinsic("Fn::Not", listOf({intrinsic("Condition", Node::string(name))}));
    case 14:
      return intrinsic("Fn::Base64", intrinsic("Fn::Sub", Node::string("${" + name + ".Arn}")));
    default:
      return intrinsic("Fn::ImportValue", ref);
  }
}

Node ValueMaker::scalar() {
  switch (random_.below(5)) {
    case 0:
      return Node::null();
    case 1:
      return Node::boolean(random_.oneIn(2));
    case 2: {
      static constexpr int64_t kIntegers[] = {0,
                                              1,
                                              -1,
                                              5,
                                              100,
                                              101,
                                              1000,
                                              std::numeric_limits<int64_t>::max(),
                                              std::numeric_limits<int64_t>::min()};
      return Node::integer(random_.oneIn(4) ? static_cast<int64_t>(random_.next())
                                            : random_.pick(kIntegers));
    }
    case 3: {
      static constexpr double kFloats[] = {0.5,
                                           -0.0,
                                           99.99,
                                           1e300,
                                           1e-300,
                                           100.0,
                                           std::numeric_limits<double>::infinity(),
                                           std::numeric_limits<double>::quiet_NaN()};
      return Node::floating(random_.pick(kFloats));
    }
    default:
      return Node::string(string(""));
  }
}

std::string ValueMaker::string(const std::string& own) {
  switch (random_.below(6)) {
    case 0:
      return target(own);
    case 1:
      return "${" + target(own) + "}";
    case 2:
      return std::string(random_.pick(sam::lambdaDeploymentConfigs()).name);
    case 3:
      return std::string(random_.between(100, 5000), 'x');
    default:
      return std::string(random_.pick(meaningfulStrings()));
  }
}

Node ValueMaker::nest(Node inner, size_t levels) {
  for (size_t level = 0; level < levels; ++level) {
    switch (random_.below(4)) {
      case 0:
        inner = listOf({std::move(inner)});
        break;
      case 1: {
        Node map = Node::mapping();
        map.set("Properties", std::move(inner));
        inner = std::move(map);
        break;
      }
      case 2:
        inner = intrinsic("Fn::If",
                          listOf({Node::string("Cond"), std::move(inner), Node::string("x")}));
        break;
      default:
        inner = intrinsic(random_.oneIn(2) ? "Ref" : "Fn::Sub", std::move(inner));
        break;
    }
  }
  return inner;
}

Node ValueMaker::denseList(const Node& item, size_t count) {
  Node list = Node::sequence();
  list.items().assign(count, item);
  return list;
}

Node ValueMaker::copyOfSubtree() {
  return subtrees_.empty() ? Node::mapping() : *random_.pick(subtrees_);
}

Node ValueMaker::value(const std::string& own, int depth) {
  switch (random_.below(16)) {
    case 0:
    case 1:
      return Node::sequence();
    case 2:
    case 3:
      return Node::mapping();
    case 4:
    case 5:
    case 6:
      return scalar();
    case 7:
    case 8:
    case 9:
      return reference(target(own));
    case 10:
      return copyOfSubtree();
    case 11: {
      Node list = Node::sequence();
      if (depth < 3) {
        for (size_t i = random_.between(1, 3); i > 0; --i) list.push(value(own, depth + 1));
      }
      return list;
    }
    case 12: {
      Node map = Node::mapping();
      if (depth < 3) {
        for (size_t i = random_.between(1, 3); i > 0; --i) {
          std::string_view path = random_.pick(propertyPaths());
          map.set(path.substr(0, path.find('.')), value(own, depth + 1));
        }
      }
      return map;
    }
    case 13: {
      static constexpr size_t kLevels[] = {8, 64, 200, 400, 520};
      return nest(scalar(), random_.pick(kLevels));
    }
    case 14: {
      static constexpr size_t kCounts[] = {50, 1000, 5000};
      return denseList(random_.oneIn(2) ? Node::integer(0) : reference(target(own)),
                       random_.pick(kCounts));
    }
    default:
      return Node::string(string(own));
  }
}

}  // namespace samshift::fuzz
