// The rejections SAM makes of connectors, read from the template as written: what the template's
// resources become once SAM has transformed them is predicted for the types whose connector
// inputs SAM always sets the same way, and left to `expand` (not supported) for the others.

#include <algorithm>
#include <deque>

#include "sam/connector_profiles.h"
#include "sam/connectors.h"
#include "sam/deployment_model.h"
#include "sam/generated_resources.h"
#include "sam/globals.h"

namespace samshift::sam {

using model::Node;

namespace {

SamProblem connectorProblem(std::string code, std::string message, const Node* node,
                            std::string subjectId) {
  return SamProblem{std::move(code), std::move(message), node, true, std::move(subjectId)};
}

bool isConnector(const model::Template& templ, std::string_view id) {
  const model::ResourceView* resource = templ.resource(id);
  if (resource && resource->type == "AWS::Serverless::Connector") return true;
  // `<Resource><Key>` of a Connectors attribute, found without making the connectors: templates
  // hold thousands, and every endpoint asks.
  for (const model::ResourceView& carrier : templ.resources()) {
    if (!id.starts_with(carrier.id) || !carrier.node || !carrier.node->isMapping()) continue;
    const Node* attribute = carrier.node->get("Connectors");
    if (attribute && attribute->isMapping() && attribute->get(id.substr(carrier.id.size())))
      return true;
  }
  return false;
}

// The ID could be one SAM generates: they start with their resource's ID, or are SAM's shared
// ServerlessRestApi, ServerlessHttpApi, ServerlessDeploymentApplication, CodeDeployServiceRole.
bool mayBeGenerated(const model::Template& templ, std::string_view id) {
  if (id.starts_with("Serverless") || id.starts_with("CodeDeploy")) return true;
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.isServerless() && id.starts_with(resource.id)) return true;
  }
  return false;
}

// What SAM's resolver holds for `id` when connectors run, as far as the template says.
struct PredictedLookup {
  const model::Template& templ;
  const ParameterValues& params;
  std::deque<Node> made;    // predicted resources, which stay where they are
  bool unpackaged = false;  // an endpoint SAM leaves as written for want of `sam package`

  // A resource a function or state machine generates under a fixed ID (sam/generated_resources.h)
  // of a type whose connector inputs need only its type; unknown for other IDs SAM may generate.
  ConnectorLookupResult generated(std::string_view id) {
    for (const model::ResourceView& owner : templ.resources()) {
      if (owner.type != "AWS::Serverless::Function" &&
          owner.type != "AWS::Serverless::StateMachine")
        continue;
      if (!id.starts_with(owner.id)) continue;
      Node props = propertiesWithGlobals(templ, owner);
      std::optional<DeploymentModel> model = readDeploymentModel(templ, owner, params, &props);
      for (const GeneratedResource& made : generatedResources(templ, owner, props, model)) {
        if (made.logicalId != id) continue;
        bool needsProperties = connectorResourceProperties(made.type, id).get("Inputs") != nullptr;
        if (needsProperties || ownTransform(templ, owner, params) != OwnTransform::kTransformed)
          return {nullptr, true};
        Node predicted = Node::mapping();
        predicted.set("Type", Node::string(std::string(made.type)));
        this->made.push_back(std::move(predicted));
        return {&this->made.back(), false};
      }
    }
    return {nullptr, mayBeGenerated(templ, id)};
  }

  ConnectorLookupResult operator()(std::string_view id) {
    if (isConnector(templ, id)) return {nullptr, true};
    const model::ResourceView* resource = templ.resource(id);
    if (!resource) return generated(id);
    if (!resource->isServerless()) return {resource->node, false};
    // SAM leaves a resource it failed to transform as written.
    bool transformable = resource->type == "AWS::Serverless::Function" ||
                         resource->type == "AWS::Serverless::StateMachine";
    OwnTransform own =
        transformable ? ownTransform(templ, *resource, params) : OwnTransform::kTransformed;
    if (own != OwnTransform::kTransformed) {
      unpackaged = unpackaged || own == OwnTransform::kFailsUntilPackaged;
      return {resource->node, false};
    }
    // A function keeps any Role but None; a state machine makes its own role unless Role is truthy
    // (SamFunction._construct_role use, StateMachineGenerator.to_cloudformation).
    auto withRole = [&](const char* type, const char* roleProperty, bool truthy) {
      Node predicted = Node::mapping();
      predicted.set("Type", Node::string(type));
      Node properties = Node::mapping();
      const Node* role = resource->property("Role");
      if (role && !role->isNull() && (!truthy || pythonTruthy(*role))) {
        properties.set(roleProperty, *role);
      } else {
        Node getAtt = Node::sequence();
        getAtt.push(Node::string(std::string(id) + "Role"));
        getAtt.push(Node::string("Arn"));
        Node arn = Node::mapping();
        arn.set("Fn::GetAtt", std::move(getAtt));
        properties.set(roleProperty, std::move(arn));
      }
      predicted.set("Properties", std::move(properties));
      return predicted;
    };
    auto typed = [](const char* type) {
      Node predicted = Node::mapping();
      predicted.set("Type", Node::string(type));
      return predicted;
    };
    if (resource->type == "AWS::Serverless::Function") {
      made.push_back(withRole("AWS::Lambda::Function", "Role", false));
    } else if (resource->type == "AWS::Serverless::StateMachine") {
      made.push_back(withRole("AWS::StepFunctions::StateMachine", "RoleArn", true));
    } else if (resource->type == "AWS::Serverless::SimpleTable") {
      made.push_back(typed("AWS::DynamoDB::Table"));
    } else if (resource->type == "AWS::Serverless::Api") {
      made.push_back(typed("AWS::ApiGateway::RestApi"));
    } else if (resource->type == "AWS::Serverless::HttpApi") {
      made.push_back(typed("AWS::ApiGatewayV2::Api"));
    } else {
      return {nullptr, true};
    }
    return {&made.back(), false};
  }
};

std::vector<SamProblem> planProblems(const model::Template& templ, const ParameterValues& params,
                                     std::string_view connectorId, const Node* properties,
                                     std::string code, const Node* node) {
  PredictedLookup predicted{templ, params, {}};
  ConnectorPlan plan =
      planConnector(connectorId, properties, [&](std::string_view id) { return predicted(id); });
  if (!plan.rejection) return {};
  if (predicted.unpackaged) code = "connector-endpoint-unpackaged";
  return {connectorProblem(std::move(code), *plan.rejection, node, std::string(connectorId))};
}

// A key as CloudFormation hands it to SAM, once the template is JSON: a YAML `1`, `true` or `~`
// becomes "1", "true", "null"; nullopt for one whose JSON form samshift does not compute.
std::optional<std::string> keyAsJson(const Node& key) {
  if (key.isString()) return key.text();
  if (key.isBool()) return key.boolValue() ? "true" : "false";
  if (key.isNull()) return "null";
  if (key.isInt() && key.text() == std::to_string(key.intValue())) return key.text();
  return std::nullopt;
}

// SAM's _get_embedded_connectors for one resource: the connectors it adds, or its rejections.
void readEmbedded(const model::Template& templ, const model::ResourceView& resource,
                  std::vector<EmbeddedConnector>* connectors, std::vector<SamProblem>* problems) {
  const Node* attribute =
      resource.node && resource.node->isMapping() ? resource.node->get("Connectors") : nullptr;
  if (!attribute) return;
  std::string sourceId(resource.id);
  auto reject = [&](std::string code, std::string message, const Node* node, std::string id) {
    if (problems)
      problems->push_back(
          connectorProblem(std::move(code), std::move(message), node, std::move(id)));
  };
  if (!attribute->isMapping()) {
    reject("embedded-connector-invalid", "Attribute '" + sourceId + ".Connectors' should be a map.",
           attribute, sourceId);
    return;
  }
  for (const model::MapEntry& entry : attribute->entries()) {
    std::optional<std::string> key = keyAsJson(entry.key);
    if (!key) {
      if (connectors)
        connectors->push_back({sourceId + entry.key.text(), sourceId, &entry.value, Node(),
                               "a connector key whose JSON form samshift does not compute in " +
                                   sourceId + ".Connectors"});
      return;
    }
    const std::string& name = *key;
    std::string fullId = sourceId + name;
    if (!entry.value.isMapping()) {
      reject("embedded-connector-invalid", sourceId + "." + fullId + " should be a map.",
             &entry.value, fullId);
      continue;
    }
    const Node* properties = entry.value.get("Properties");
    if (!properties || !properties->isMapping()) {
      reject("embedded-connector-invalid",
             "Attribute 'Connectors." + name + ".Properties' should be a map.",
             properties ? properties : &entry.value, sourceId);
      continue;
    }
    Node connector = entry.value;
    connector.set("Type", Node::string("AWS::Serverless::Connector"));
    Node& props = *connector.get("Properties");
    Node source = Node::mapping();
    source.set("Id", Node::string(sourceId));
    if (const Node* reference = properties->get("SourceReference")) {
      if (!reference->isMapping()) {
        reject("embedded-connector-invalid",
               "Property 'Connectors." + name + ".Properties.SourceReference' should be a map.",
               reference, sourceId);
        continue;
      }
      if (reference->has("Id")) {
        reject("embedded-connector-invalid", "'Id' shouldn't be defined in 'SourceReference'.",
               reference, name);
        continue;
      }
      for (const model::MapEntry& field : reference->entries())
        source.set(field.key.text(), field.value);
    }
    props.set("Source", std::move(source));
    props.erase("SourceReference");
    // SAM's Resource checks the ID as it makes the connector (SamConnector.from_dict).
    if (!validLogicalId(fullId)) {
      reject("embedded-connector-invalid", "Logical ids must be alphanumeric.", &entry.key, fullId);
      continue;
    }
    if (const model::ResourceView* existing = templ.resource(fullId)) {
      reject("embedded-connector-duplicate-id",
             "Transforming resource with id [" + sourceId +
                 "] attempts to create a new resource with id [" + fullId +
                 "] and type \"AWS::Serverless::Connector\". A resource with that id already "
                 "exists within this template. Please use a different id for that resource.",
             existing->idNode, sourceId);
      if (problems) problems->back().resourcePrefix = false;  // SAM's message names it
      continue;
    }
    if (connectors) connectors->push_back({fullId, sourceId, &entry.value, std::move(connector)});
  }
}

}  // namespace

std::vector<EmbeddedConnector> embeddedConnectors(const model::Template& templ) {
  std::vector<EmbeddedConnector> connectors;
  for (const model::ResourceView& resource : templ.resources())
    readEmbedded(templ, resource, &connectors, nullptr);
  return connectors;
}

std::vector<SamProblem> embeddedConnectorProblems(const model::Template& templ,
                                                  const model::ResourceView& resource,
                                                  const ParameterValues& params) {
  std::vector<SamProblem> problems;
  std::vector<EmbeddedConnector> connectors;
  readEmbedded(templ, resource, &connectors, &problems);
  for (const EmbeddedConnector& connector : connectors) {
    if (!connector.unsupported.empty()) continue;
    for (SamProblem& problem :
         planProblems(templ, params, connector.logicalId, connector.resource.get("Properties"),
                      "embedded-connector-invalid", connector.node))
      problems.push_back(std::move(problem));
  }
  return problems;
}

std::vector<SamProblem> connectorProblems(const model::Template& templ,
                                          const model::ResourceView& resource,
                                          const ParameterValues& params) {
  return planProblems(templ, params, resource.id, resource.properties, "connector-invalid",
                      resource.properties ? resource.properties : resource.idNode);
}

}  // namespace samshift::sam
