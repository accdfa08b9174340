#pragma once
// Values the structure-aware fuzzer writes into a template: scalars of every type, empty and
// dense collections, deep nests, and intrinsics (`Ref`, `Fn::Sub`, `Fn::GetAtt`, `Fn::FindInMap`,
// `Fn::If`, …) aimed at a chosen name: the value's own resource or parameter, another logical ID,
// a name SAM generates (`Fn.Alias`, `FnAliaslive`) or one that exists nowhere.

#include <string>
#include <vector>

#include "fuzz/random.h"
#include "model/node.h"

namespace samshift::fuzz {

// The names a template defines, read before a mutation.
struct TemplateNames {
  std::vector<std::string> resources;
  std::vector<std::string> resourceTypes;
  std::vector<std::string> parameters;
  std::vector<std::string> conditions;
  std::vector<std::string> mappings;
  std::vector<std::string> generated;  // `Fn.Alias`, `Fn.Version`, `FnAliaslive`, …

  static TemplateNames of(const model::Node& root);
};

class ValueMaker {
 public:
  ValueMaker(Random& random, const TemplateNames& names,
             const std::vector<const model::Node*>& subtrees)
      : random_(random), names_(names), subtrees_(subtrees) {}

  // A name to point an intrinsic at; `own` (the value's resource, parameter or condition) is the
  // likeliest, so that self references are common.
  std::string target(const std::string& own);
  // An intrinsic (or a list or map holding one) that refers to `name`.
  model::Node reference(const std::string& name);
  // Any value: a scalar of any type, an empty or small collection, a reference, a copy of a
  // subtree of the template, now and then a deep nest or a dense list.
  model::Node value(const std::string& own, int depth = 0);
  model::Node scalar();
  std::string string(const std::string& own);
  // `inner` inside `levels` lists, maps and intrinsics.
  model::Node nest(model::Node inner, size_t levels);
  // A list of `count` copies of `item`.
  static model::Node denseList(const model::Node& item, size_t count);
  model::Node copyOfSubtree();

 private:
  std::string pickName(const std::vector<std::string>& names, const char* fallback);

  Random& random_;
  const TemplateNames& names_;
  // Into the tree being mutated: valid until the tree changes, so a mutation makes its values
  // before it adds anything to the tree.
  const std::vector<const model::Node*>& subtrees_;
};

// Small builders.
model::Node intrinsic(std::string_view name, model::Node argument);
model::Node listOf(std::vector<model::Node> items);

}  // namespace samshift::fuzz
