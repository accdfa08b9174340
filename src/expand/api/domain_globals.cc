#include "expand/api/domain_globals.h"

#include <string>
#include <vector>

#include "expand/api/py_object.h"

namespace samshift::expand::api {

using model::MapEntry;
using model::Node;

namespace {

// Py27Keys.copy merges the keys into a fresh table, which it first enlarges when they fill two
// thirds of its eight slots; below that the copy adds them one by one, as replaying them does.
constexpr size_t kKeysCopiedOneByOne = 5;

// _token_of: an intrinsic is a primitive, merged by taking the resource's.
bool mergeableDict(const Node& value) { return value.isMapping() && !value.isIntrinsic(); }

// The keys of a template dict in its Python 2.7 iteration order.
std::vector<std::string> iterationOrder(const Node& dict) {
  std::vector<std::string> keys;
  Node ordered = PyObject::fromTemplate(dict).toNode();  // outlives the loop over its entries
  for (const MapEntry& entry : ordered.entries()) keys.push_back(entry.key.text());
  return keys;
}

}  // namespace

std::optional<Node> domainInSamMergeOrder(const Node& merged, const Node& global,
                                          const Node& local) {
  if (!mergeableDict(global) || !mergeableDict(local) || !merged.isMapping()) return merged;
  if (global.entries().size() > kKeysCopiedOneByOne) return std::nullopt;
  // global_dict.copy(), then each key of the resource's dict it lacks, in that dict's order.
  std::vector<std::string> keys = iterationOrder(global);
  for (const std::string& key : iterationOrder(local)) {
    if (!global.has(key)) keys.push_back(key);
  }
  Node ordered = Node::mapping();
  for (const std::string& key : keys) {
    const Node* value = merged.get(key);
    if (!value) return std::nullopt;  // a key the merge dropped: not SAM's merge
    const Node* own = local.get(key);
    const Node* shared = global.get(key);
    if (own && shared) {
      std::optional<Node> inner = domainInSamMergeOrder(*value, *shared, *own);
      if (!inner) return std::nullopt;
      ordered.set(key, std::move(*inner));
    } else {
      ordered.set(key, *value);
    }
  }
  ordered.setSpan(merged.span());
  return ordered;
}

}  // namespace samshift::expand::api
