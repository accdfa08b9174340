#include "sam/globals.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

std::string_view globalsSectionFor(std::string_view type) {
  if (type == "AWS::Serverless::Function") return "Function";
  if (type == "AWS::Serverless::Api") return "Api";
  if (type == "AWS::Serverless::HttpApi") return "HttpApi";
  if (type == "AWS::Serverless::WebSocketApi") return "WebSocketApi";
  if (type == "AWS::Serverless::SimpleTable") return "SimpleTable";
  if (type == "AWS::Serverless::StateMachine") return "StateMachine";
  if (type == "AWS::Serverless::LayerVersion") return "LayerVersion";
  if (type == "AWS::Serverless::CapacityProvider") return "CapacityProvider";
  return {};
}

Node mergeGlobal(const Node& global, const Node& local) {
  // An intrinsic is a value, not a mapping to merge into.
  if (global.isMapping() && local.isMapping() && !global.isIntrinsic() && !local.isIntrinsic()) {
    Node merged = global;
    for (const MapEntry& entry : local.entries()) {
      if (const Node* existing = global.get(entry.key.text())) {
        merged.set(entry.key.text(), mergeGlobal(*existing, entry.value));
      } else {
        merged.entries().push_back(entry);
      }
    }
    merged.setSpan(local.span());
    return merged;
  }
  if (global.isSequence() && local.isSequence()) {
    Node merged = global;
    for (const Node& item : local.items()) merged.push(item);
    merged.setSpan(local.span());
    return merged;
  }
  return local;
}

namespace {

const Node* globalSection(const model::Template& templ, const model::ResourceView& resource) {
  std::string_view section = globalsSectionFor(resource.type);
  const Node* globals = templ.globals();
  if (section.empty() || !globals) return nullptr;
  const Node* values = globals->get(section);
  return values && values->isMapping() ? values : nullptr;
}

// The resource's IgnoreGlobals attribute keeps `key` of Globals from it: "*" keeps every key, a
// list the keys it names (SAM rejects other values and names that are not in Globals:
// validateSamTemplate).
bool ignoresGlobal(const model::ResourceView& resource, std::string_view key) {
  const Node* ignore = resource.node ? resource.node->get("IgnoreGlobals") : nullptr;
  if (!ignore) return false;
  if (ignore->isString("*")) return true;
  for (const Node& item : ignore->items()) {
    if (item.isString(key)) return true;
  }
  return false;
}

}  // namespace

bool hasGlobals(const model::Template& templ, const model::ResourceView& resource) {
  return globalSection(templ, resource) != nullptr;
}

Node propertiesWithGlobals(const model::Template& templ, const model::ResourceView& resource) {
  const Node& local = resource.propertiesMapping();
  const Node* global = globalSection(templ, resource);
  if (!global) return local;
  Node merged = Node::mapping();
  merged.setSpan(local.span());
  for (const MapEntry& entry : global->entries()) {
    if (ignoresGlobal(resource, entry.key.text())) continue;
    const Node* mine = local.get(entry.key.text());
    merged.entries().push_back(
        MapEntry{entry.key, mine ? mergeGlobal(entry.value, *mine) : entry.value});
  }
  for (const MapEntry& entry : local.entries()) {
    if (!global->has(entry.key.text()) || ignoresGlobal(resource, entry.key.text()))
      merged.entries().push_back(entry);
  }
  return merged;
}

const Node* propertySource(const model::Template& templ, const model::ResourceView& resource,
                           std::string_view property) {
  if (const Node* local = resource.property(property)) return local;
  const Node* global = globalSection(templ, resource);
  return global && !ignoresGlobal(resource, property) ? global->get(property) : nullptr;
}

}  // namespace samshift::sam
