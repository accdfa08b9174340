#pragma once
// The structure-aware fuzzer's mutations of a template tree: the shapes adversarial testing found
// crashing samshift, made general. Any value becomes an empty list or map, null, a scalar of
// another type, a deep nest or a dense list; intrinsics point at themselves, at their own
// parameter, at another logical ID or at a name SAM generates; keys are duplicated, deleted or
// renamed; subtrees are copied; resources change type; the properties that publish versions and
// shift traffic are set to wrong types. One seed always makes the same mutation.

#include <cstdint>
#include <string_view>

#include "fuzz/random.h"
#include "fuzz/template_writer.h"
#include "model/node.h"

namespace samshift::fuzz {

enum class Mutation : uint8_t {
  kReplaceValue,              // any value → a value of any type
  kInsertReference,           // any value → an intrinsic aimed at its owner, a parameter, an ID
  kSelfReferentialParameter,  // a parameter's Default refers to itself (or to a parameter that
                              // refers back), and a traffic-shifting property uses it
  kDuplicateKey,
  kDeleteEntry,
  kRenameKey,  // to another name of the template: logical IDs collide with each other or with SAM's
  kCopySubtree,
  kSetProperty,  // a resource's or Globals' property (fuzz/template_vocabulary.h) → any value
  kChangeResourceType,  // and often its Properties → `[]`, `{}`, null or a scalar
  kAddResource,
  kReplaceString,
  kWrapValue,  // x → [x], {Fn::If: [c, x, x]}, {Key: x}
  kDeepNest,
  kDenseList,
};
inline constexpr size_t kMutationCount = 14;

std::string_view mutationName(Mutation mutation);

class TemplateMutator {
 public:
  explicit TemplateMutator(uint64_t seed) : random_(seed) {}

  // Applies a mutation chosen by the seed to `root` and says which.
  Mutation mutate(model::Node& root);
  void apply(Mutation mutation, model::Node& root);
  // Puts a copy of a subtree of `donor` into `root`, often as a resource (libFuzzer's cross-over).
  void crossOver(model::Node& root, const model::Node& donor);
  // How to write the mutated template: YAML mostly, block or flow, short or long intrinsics; JSON.
  WriteStyle writeStyle();

 private:
  Random random_;
};

}  // namespace samshift::fuzz
