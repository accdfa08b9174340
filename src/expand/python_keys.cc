#include "expand/python_keys.h"

#include <cmath>
#include <unordered_map>
#include <vector>

#include "expand/python_json.h"
#include "model/scalar_resolver.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

// The text json.dumps writes for a dict key of this type.
std::string jsonKey(const Node& key) {
  if (key.isBool()) return key.boolValue() ? "true" : "false";
  if (key.isNull()) return "null";
  if (key.isNumber()) {
    if (key.isFloat() && std::isnan(key.floatValue())) return "NaN";
    if (key.isFloat() && std::isinf(key.floatValue()))
      return key.floatValue() > 0 ? "Infinity" : "-Infinity";
    return pythonNumber(key);
  }
  return key.text();
}

// Which keys a Python dict holds as one: numbers (and booleans) by value, None, strings.
std::string pythonIdentity(const Node& key) {
  if (key.isBool()) return key.boolValue() ? "n:1" : "n:0";
  if (key.isNull()) return "none";
  if (key.isFloat()) {
    double value = key.floatValue();
    if (std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15 &&
        model::bigInteger(key) == model::BigInteger::kNo) {
      return "n:" + std::to_string(static_cast<long long>(value));
    }
    return "n:" + pythonNumber(key);
  }
  if (key.isInt()) return "n:" + pythonNumber(key);
  return "s:" + key.text();
}

// Keeps the first of equal keys, in its place, with the last value.
std::vector<MapEntry> mergeEqual(std::vector<MapEntry>& entries, bool byJson) {
  std::vector<MapEntry> merged;
  std::unordered_map<std::string, size_t> seen;
  for (MapEntry& entry : entries) {
    std::string identity = byJson ? entry.key.text() : pythonIdentity(entry.key);
    auto [it, added] = seen.try_emplace(identity, merged.size());
    if (added) {
      merged.push_back(std::move(entry));
    } else {
      merged[it->second].value = std::move(entry.value);
    }
  }
  return merged;
}

void rewriteKeys(Node& node) {
  if (node.isSequence()) {
    for (Node& item : node.items()) rewriteKeys(item);
    return;
  }
  if (!node.isMapping()) return;
  bool typed = false;
  for (MapEntry& entry : node.entries()) {
    rewriteKeys(entry.value);
    typed = typed || !entry.key.isString();
  }
  if (!typed) return;
  std::vector<MapEntry> entries = std::move(node.entries());
  entries = mergeEqual(entries, false);
  for (MapEntry& entry : entries) {
    if (entry.key.isString()) continue;
    Node key = Node::string(jsonKey(entry.key));
    key.setSpan(entry.key.span());
    entry.key = std::move(key);
  }
  entries = mergeEqual(entries, true);
  node.entries().clear();
  for (MapEntry& entry : entries) node.entries().push_back(std::move(entry));
}

}  // namespace

void pythonJsonKeys(Node& root) { rewriteKeys(root); }

}  // namespace samshift::expand
