#include "expand/connectors/connectors.h"

#include <algorithm>
#include <utility>

#include "expand/builders.h"
#include "sam/connectors.h"
#include "sam/deployment_model.h"

namespace samshift::expand {

using model::Node;

namespace {

// A connector as SAM transforms it: its ID, its resource mapping (`{Type, Properties, …}`).
struct Connector {
  std::string id;
  const Node* resource;
};

// Python's list(x) if x is a list else [x] (SAM's as_array).
Node asList(const Node& value) {
  if (value.isSequence()) return value;
  Node list = Node::sequence();
  list.push(value);
  return list;
}

bool contains(const Node& list, const Node& value) {
  return std::any_of(list.items().begin(), list.items().end(),
                     [&](const Node& item) { return item.sameValue(value); });
}

// SAM's add_depends_on: `dependency` joins the DependsOn of resource `id`, as a list.
void addDependsOn(ExpandContext& ctx, const std::string& id, const std::string& dependency) {
  Node* resource = ctx.resource(id);
  if (!resource || !resource->isMapping()) return;
  const Node* old = resource->get("DependsOn");
  Node deps = old ? asList(*old) : Node::sequence();
  Node added = str(dependency);
  if (!contains(deps, added)) deps.push(std::move(added));
  resource->set("DependsOn", std::move(deps));
}

// SAM's get_logical_id_from_intrinsic for the two values of an event source mapping it reads.
std::optional<std::string> namedResource(const Node* value) {
  if (!value || !value->isIntrinsic()) return std::nullopt;
  if (const Node* ref = value->get("Ref"); ref && ref->isString()) return ref->text();
  const Node* getAtt = value->get("Fn::GetAtt");
  if (getAtt && getAtt->isSequence() && getAtt->items().size() == 2 &&
      getAtt->items()[0].isString())
    return getAtt->items()[0].text();
  if (getAtt && getAtt->isString()) {
    const std::string& text = getAtt->text();
    size_t dot = text.find('.');
    if (dot != std::string::npos && text.find('.', dot + 1) == std::string::npos)
      return text.substr(0, dot);
  }
  return std::nullopt;
}

// SAM's get_event_source_mappings: the mappings from `sourceId` to function `functionId`.
std::vector<std::string> eventSourceMappings(ExpandContext& ctx, const std::string& sourceId,
                                             const std::string& functionId) {
  std::vector<std::string> ids;
  for (const model::MapEntry& entry : ctx.resources.entries()) {
    const Node& resource = entry.value;
    if (!resource.isMapping() || !resource.get("Type") ||
        !resource.get("Type")->isString("AWS::Lambda::EventSourceMapping"))
      continue;
    const Node* properties = resource.get("Properties");
    if (properties && !properties->isMapping()) {
      ctx.notSupported("an event source mapping whose Properties is not a mapping (" +
                       entry.key.text() + "), where SAM's connectors fail");
      continue;
    }
    if (!properties) continue;
    auto function = namedResource(properties->get("FunctionName"));
    auto source = namedResource(properties->get("EventSourceArn"));
    if (function && source && *function == functionId && *source == sourceId)
      ids.push_back(entry.key.text());
  }
  return ids;
}

// SAM's replace_depends_on_logical_id: every DependsOn that names the connector names what it
// generated instead.
void replaceDependsOn(ExpandContext& ctx, const std::string& connectorId,
                      const std::vector<std::string>& generated) {
  Node connector = str(connectorId);
  for (model::MapEntry& entry : ctx.resources.entries()) {
    Node& resource = entry.value;
    const Node* dependsOn = resource.isMapping() ? resource.get("DependsOn") : nullptr;
    if (!dependsOn) continue;
    Node deps = asList(*dependsOn);
    auto& items = deps.items();
    auto found = std::find_if(items.begin(), items.end(),
                              [&](const Node& item) { return item.sameValue(connector); });
    if (found == items.end()) continue;
    items.erase(found);
    for (const std::string& id : generated) {
      Node added = str(id);
      if (!contains(deps, added)) deps.push(std::move(added));
    }
    resource.set("DependsOn", std::move(deps));
  }
}

// The `Type` SAM records for an endpoint in Metadata: the template's own (a serverless type),
// else the one it connected to.
std::string recordedType(const model::Template& templ,
                         const std::vector<sam::EmbeddedConnector>& embedded, const std::string& id,
                         const std::string& resolved) {
  if (id.empty()) return resolved;
  if (const model::ResourceView* resource = templ.resource(id))
    return resource->type.empty() ? resolved : std::string(resource->type);
  for (const sam::EmbeddedConnector& connector : embedded) {
    if (connector.logicalId == id) return "AWS::Serverless::Connector";
  }
  return resolved;
}

// Type, DependsOn, the connector's attributes, then Properties: SAM's Resource.to_dict, with the
// connector's Metadata merged with `aws:sam:connectors`.
std::optional<Node> makeGenerated(ExpandContext& ctx, const Connector& connector,
                                  const sam::ConnectorResource& generated, const Node& recorded) {
  Node resource = Node::mapping();
  resource.set("Type", str(generated.type));
  const Node* dependsOn = connector.resource->get("DependsOn");
  if (dependsOn && sam::pythonTruthy(*dependsOn)) resource.set("DependsOn", *dependsOn);
  for (const char* attribute :
       {"DeletionPolicy", "UpdatePolicy", "Condition", "UpdateReplacePolicy", "Metadata"}) {
    if (const Node* value = connector.resource->get(attribute)) resource.set(attribute, *value);
  }
  Node* metadata = resource.get("Metadata");
  if (metadata && !metadata->isMapping()) {
    ctx.notSupported("Metadata that is not a mapping on connector " + connector.id +
                     ", where SAM fails");
    return std::nullopt;
  }
  Node merged = metadata ? *metadata : Node::mapping();
  merged.set("aws:sam:connectors", recorded);
  resource.set("Metadata", std::move(merged));
  resource.set("Properties", generated.properties);
  return resource;
}

// `internal`: one SAM makes within another resource's transform, which no DependsOn names.
void expandConnector(ExpandContext& ctx, const Connector& connector,
                     const std::vector<sam::EmbeddedConnector>& embedded, bool internal = false) {
  auto isConnector = [&](std::string_view id) {
    const model::ResourceView* resource = ctx.templ.resource(id);
    if (resource && resource->type == "AWS::Serverless::Connector") return true;
    return std::any_of(embedded.begin(), embedded.end(),
                       [&](const sam::EmbeddedConnector& e) { return e.logicalId == id; });
  };
  sam::ConnectorPlan plan = sam::planConnector(
      connector.id, connector.resource->get("Properties"), [&](std::string_view id) {
        if (isConnector(id)) return sam::ConnectorLookupResult{nullptr, true};
        return sam::ConnectorLookupResult{ctx.resource(std::string(id)), false};
      });
  if (plan.unknown) {
    ctx.notSupported("connector " + connector.id + ": " + *plan.unknown);
    return;
  }
  if (plan.rejection) {
    ctx.notSupported("connector " + connector.id +
                     " that SAM rejects once the template is transformed: " + *plan.rejection);
    return;
  }
  std::vector<std::string> ids;
  std::vector<Node> made;
  for (const sam::ConnectorResource& generated : plan.resources) {
    Node endpoints = Node::mapping();
    endpoints.set("Source", map({{"Type", str(recordedType(ctx.templ, embedded, generated.sourceId,
                                                           generated.sourceType))}}));
    endpoints.set("Destination",
                  map({{"Type", str(recordedType(ctx.templ, embedded, generated.destinationId,
                                                 generated.destinationType))}}));
    Node recorded = Node::mapping();
    recorded.set(connector.id, std::move(endpoints));
    std::optional<Node> resource = makeGenerated(ctx, connector, generated, recorded);
    if (!resource) return;
    if (generated.dependedByEventSourceMapping) {
      std::vector<std::string> mappings =
          eventSourceMappings(ctx, generated.sourceId, generated.destinationId);
      if (mappings.size() == 1) addDependsOn(ctx, mappings[0], generated.logicalId);
    }
    if (generated.dependedBySource) addDependsOn(ctx, generated.sourceId, generated.logicalId);
    ids.push_back(generated.logicalId);
    made.push_back(std::move(*resource));
  }
  if (!internal) replaceDependsOn(ctx, connector.id, ids);
  std::string owner = std::exchange(ctx.owner, connector.id);
  for (size_t index = 0; index < ids.size(); ++index) ctx.add(ids[index], std::move(made[index]));
  ctx.owner = std::move(owner);
}

}  // namespace

void expandInternalConnector(ExpandContext& ctx, const std::string& id,
                             const model::Node& resource) {
  expandConnector(ctx, {id, &resource}, {}, true);
}

void expandConnectors(ExpandContext& ctx) {
  std::vector<sam::EmbeddedConnector> embedded = sam::embeddedConnectors(ctx.templ);
  for (const model::ResourceView& resource : ctx.templ.resources()) {
    if (resource.isServerless() || !resource.node || !resource.node->has("Connectors")) continue;
    if (Node* copied = ctx.resource(std::string(resource.id))) copied->erase("Connectors");
  }
  std::vector<Connector> connectors;
  for (const model::ResourceView& resource : ctx.templ.resources()) {
    if (resource.type == "AWS::Serverless::Connector")
      connectors.push_back({std::string(resource.id), resource.node});
  }
  for (const sam::EmbeddedConnector& connector : embedded) {
    if (!connector.unsupported.empty()) {
      ctx.notSupported(connector.unsupported);
      return;
    }
    connectors.push_back({connector.logicalId, &connector.resource});
  }
  for (const Connector& connector : connectors) expandConnector(ctx, connector, embedded);
}

}  // namespace samshift::expand
