#include "sam/connectors.h"

#include <algorithm>

#include "sam/connector_profiles.h"
#include "sam/deployment_model.h"

namespace samshift::sam {

using model::Node;

namespace {

// SAM's ConnectorResourceReference; an absent value is Python's None.
struct Endpoint {
  std::string logicalId;  // empty when given by Type and Arn
  std::string type;
  std::optional<Node> arn, roleName, queueUrl, resourceId, name, qualifier;
};

// An endpoint, or why SAM rejects it (ConnectorResourceError), or that the caller cannot tell.
struct EndpointResult {
  std::optional<Endpoint> endpoint;
  std::optional<std::string> rejection;
  std::optional<std::string> unknown;
};

std::optional<Node> valueOf(const Node* node) {
  if (!node || node->isNull()) return std::nullopt;
  return *node;
}

// Python's `x and isinstance(x, str)`.
bool nonblankString(const Node* node) { return node && node->isString() && !node->text().empty(); }

// SAM's get_logical_id_from_intrinsic: the resource a Ref or Fn::GetAtt names.
std::optional<std::string> logicalIdFromIntrinsic(const Node& value) {
  if (!value.isIntrinsic()) return std::nullopt;
  if (const Node* ref = value.get("Ref"); ref && ref->isString()) return ref->text();
  const Node* getAtt = value.get("Fn::GetAtt");
  if (!getAtt) return std::nullopt;
  if (getAtt->isSequence() && getAtt->items().size() == 2 && getAtt->items()[0].isString())
    return getAtt->items()[0].text();
  if (getAtt->isString()) {
    const std::string& text = getAtt->text();
    size_t dot = text.find('.');
    if (dot != std::string::npos && text.find('.', dot + 1) == std::string::npos)
      return text.substr(0, dot);
  }
  return std::nullopt;
}

// SAM's _SAM_TO_CFN_RESOURCE_TYPE, for a Type given without Id.
std::string cloudFormationType(const std::string& type) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {"AWS::Serverless::Function", "AWS::Lambda::Function"},
      {"AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine"},
      {"AWS::Serverless::Api", "AWS::ApiGateway::RestApi"},
      {"AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api"},
      {"AWS::Serverless::SimpleTable", "AWS::DynamoDB::Table"},
  };
  for (const auto& [sam, cloudFormation] : kTypes) {
    if (type == sam) return std::string(cloudFormation);
  }
  return type;
}

// SAM's _get_events_rule_role: the RoleArn of the rule's target that is the connected resource.
EndpointResult eventsRuleRole(const Node& properties, const Node& connecting, const Node*& role) {
  role = nullptr;
  const Node* targets = properties.get("Targets");
  if (!targets) return {};
  if (!targets->isSequence()) return {{}, {}, "the Targets of a rule that is not a list"};
  const Node* connectingId = connecting.get("Id");
  const Node* connectingArn = connecting.get("Arn");
  for (const Node& target : targets->items()) {
    if (!target.isMapping()) return {{}, {}, "a rule target that is not a mapping"};
    const Node* arn = target.get("Arn");
    std::optional<std::string> id = arn ? logicalIdFromIntrinsic(*arn) : std::nullopt;
    bool byId = id && connectingId && connectingId->isString(*id);
    bool byArn =
        connectingArn && pythonTruthy(*connectingArn) && arn && arn->sameValue(*connectingArn);
    if (byId || byArn) {
      role = target.get("RoleArn");
      return {};
    }
  }
  return {};
}

// SAM's _get_resource_role_name.
EndpointResult roleName(const Node& inputs, const Node* properties, const Node& connecting,
                        std::optional<Node>& out) {
  const Node* roleInput = inputs.get("Role");
  if (!roleInput) return {};
  bool byProperty = roleInput->isString();
  const Node* function = roleInput->isMapping() ? roleInput->get("Function") : nullptr;
  bool byRule = function && function->isString("GetEventsRuleRole");
  if (!byProperty && !byRule) return {};
  if (properties && !properties->isMapping())
    return {{}, {}, "a connected resource whose Properties is not a mapping"};
  static const Node kEmpty = Node::mapping();
  const Node& props = properties ? *properties : kEmpty;
  const Node* role = nullptr;
  if (byProperty) {
    role = props.get(roleInput->text());
  } else if (EndpointResult failed = eventsRuleRole(props, connecting, role); failed.unknown) {
    return failed;
  }
  if (!role || !pythonTruthy(*role)) return {};
  if (std::optional<std::string> id = logicalIdFromIntrinsic(*role)) {
    Node ref = Node::mapping();
    ref.set("Ref", Node::string(*id));
    out = std::move(ref);
  }
  return {};
}

// SAM's get_resource_reference.
EndpointResult resolveEndpoint(const Node& reference, const Node& connecting,
                               const ConnectorLookup& lookup) {
  bool idGiven = reference.has("Id");
  bool othersGiven = std::any_of(
      reference.entries().begin(), reference.entries().end(), [](const model::MapEntry& entry) {
        return !entry.key.isString("Id") && !entry.key.isString("Qualifier");
      });
  if (idGiven == othersGiven) {
    return {{},
            "Must provide 'Id' (with optional 'Qualifier') or a supported combination of other "
            "properties.",
            {}};
  }
  const Node* id = reference.get("Id");
  if (!id || !pythonTruthy(*id)) {
    const Node* type = reference.get("Type");
    if (!nonblankString(type)) return {{}, "'Type' is missing or not a string.", {}};
    Endpoint endpoint;
    endpoint.type = cloudFormationType(type->text());
    endpoint.arn = valueOf(reference.get("Arn"));
    endpoint.roleName = valueOf(reference.get("RoleName"));
    endpoint.queueUrl = valueOf(reference.get("QueueUrl"));
    endpoint.resourceId = valueOf(reference.get("ResourceId"));
    endpoint.name = valueOf(reference.get("Name"));
    endpoint.qualifier = valueOf(reference.get("Qualifier"));
    return {std::move(endpoint), {}, {}};
  }
  if (!id->isString()) return {{}, "'Id' is missing or not a string.", {}};
  ConnectorLookupResult found = lookup(id->text());
  if (found.unknown) return {{}, {}, "the resource " + id->text() + " as SAM holds it then"};
  if (!found.resource) {
    return {{}, "Unable to find resource with logical ID '" + id->text() + "'.", {}};
  }
  const Node* type = found.resource->get("Type");
  if (!nonblankString(type)) return {{}, "'Type' is missing or not a string.", {}};
  Endpoint endpoint;
  endpoint.logicalId = id->text();
  endpoint.type = type->text();
  Node described = connectorResourceProperties(endpoint.type, endpoint.logicalId);
  static const Node kEmpty = Node::mapping();
  const Node* outputs = described.get("Outputs");
  if (!outputs) outputs = &kEmpty;
  const Node* inputs = described.get("Inputs");
  if (inputs) {
    EndpointResult failed =
        roleName(*inputs, found.resource->get("Properties"), connecting, endpoint.roleName);
    if (failed.unknown) return failed;
  }
  endpoint.arn = valueOf(outputs->get("Arn"));
  endpoint.queueUrl = valueOf(outputs->get("Url"));
  endpoint.resourceId = valueOf(outputs->get("Id"));
  endpoint.name = valueOf(outputs->get("Name"));
  endpoint.qualifier = reference.has("Qualifier") ? valueOf(reference.get("Qualifier"))
                                                  : valueOf(outputs->get("Qualifier"));
  return {std::move(endpoint), {}, {}};
}

// SAM's property checks of the connector (Resource.validate_properties): nullopt when they pass.
std::optional<ConnectorPlan> checkProperties(const Node& properties) {
  for (const char* name : {"Source", "Destination", "Permissions"}) {
    const Node* value = properties.get(name);
    if (!value || value->isNull())
      return ConnectorPlan{std::string("Missing required property '") + name + "'.", {}, {}};
    // SAM leaves an intrinsic to CloudFormation, then reads it as a value.
    if (value->isIntrinsic())
      return ConnectorPlan{{}, std::string("an intrinsic as the connector's ") + name, {}};
    std::string_view key = name;
    bool valid =
        key == "Source" ? value->isMapping()
        : key == "Permissions"
            ? value->isSequence() && std::all_of(value->items().begin(), value->items().end(),
                                                 [](const Node& item) { return item.isString(); })
            : value->isMapping() ||
                  (value->isSequence() &&
                   std::all_of(value->items().begin(), value->items().end(),
                               [](const Node& item) { return item.isMapping(); }));
    if (!valid)
      return ConnectorPlan{std::string("Type of property '") + name + "' is invalid.", {}, {}};
  }
  return std::nullopt;
}

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

// SAM's _get_policy_statements.
Node policyDocument(const Node& categories, const std::vector<std::string>& permissions) {
  Node statements = Node::sequence();
  for (const model::MapEntry& category : categories.entries()) {
    if (std::find(permissions.begin(), permissions.end(), category.key.text()) == permissions.end())
      continue;
    const Node* listed = category.value.get("Statement");
    if (!listed) continue;
    for (const Node& statement : listed->items()) statements.push(statement);
  }
  Node document = Node::mapping();
  document.set("Version", Node::string("2012-10-17"));
  document.set("Statement", std::move(statements));
  return document;
}

Node listOf(Node item) {
  Node list = Node::sequence();
  list.push(std::move(item));
  return list;
}

// The profiles that generate one policy (SAM's _construct_iam_policy, _construct_sqs_queue_policy,
// _construct_sns_topic_policy): its name, type, the list it attaches to and what fills it. Only
// the IAM profiles have DependedBy.
struct PolicyKind {
  std::string_view profile, name, type, listKey, what;
  std::optional<Node> Endpoint::*value;
};
constexpr PolicyKind kPolicyKinds[] = {
    {"AWS_IAM_ROLE_MANAGED_POLICY", "Policy", "AWS::IAM::ManagedPolicy", "Roles", "IAM role name",
     &Endpoint::roleName},
    {"AWS_SQS_QUEUE_POLICY", "QueuePolicy", "AWS::SQS::QueuePolicy", "Queues", "SQS queue URL",
     &Endpoint::queueUrl},
    {"AWS_SNS_TOPIC_POLICY", "TopicPolicy", "AWS::SNS::TopicPolicy", "Topics", "SNS topic ARN",
     &Endpoint::arn},
};

struct Destination {
  size_t index;
  bool multiple;
  std::string suffix() const { return multiple ? "Destination" + std::to_string(index) : ""; }
};

// SAM's generate_resources for one destination.
void generate(std::string_view connectorId, const Endpoint& source, const Endpoint& destination,
              const std::vector<std::string>& permissions, const Destination& where,
              ConnectorPlan& plan) {
  std::optional<Node> profile = connectorProfile(source.type, destination.type);
  if (!profile) {
    plan.rejection = "Unable to create connector from " + source.type + " to " + destination.type +
                     "; it's not supported or the template is invalid.";
    return;
  }
  const Node* profileType = profile->get("Type");
  Node* properties = profile->get("Properties");
  const Node* categories = properties ? properties->get("AccessCategories") : nullptr;
  if (!profileType || !categories) {
    plan.unknown = "a connector profile SAM's data does not describe";
    return;
  }
  std::vector<std::string> names;
  for (const model::MapEntry& category : categories->entries())
    names.push_back(category.key.text());
  std::string validValues = joined(names, ", ");
  if (permissions.empty()) {
    plan.rejection = "'Permissions' cannot be empty; valid values are: " + validValues + ".";
    return;
  }
  std::string between = "connector from " + source.type + " to " + destination.type;
  for (const std::string& permission : permissions) {
    if (std::find(names.begin(), names.end(), permission) == names.end()) {
      plan.rejection = "Unsupported 'Permissions' provided for " + between +
                       "; valid values are: " + validValues + ".";
      return;
    }
  }
  if (const Node* combinations = properties->get("ValidAccessCategories");
      combinations && pythonTruthy(*combinations)) {
    std::vector<std::string> given = permissions;
    std::sort(given.begin(), given.end());
    bool valid = false;
    std::vector<std::string> shown;
    for (const Node& combination : combinations->items()) {
      std::vector<std::string> sorted;
      for (const Node& item : combination.items()) sorted.push_back(item.text());
      std::sort(sorted.begin(), sorted.end());
      valid = valid || sorted == given;
      shown.push_back(joined(sorted, " + "));
    }
    if (!valid) {
      plan.rejection = "Unsupported 'Permissions' provided for " + between +
                       "; valid combinations are: " + joined(shown, ", ") + ".";
      return;
    }
  }
  auto pointer = [](const std::optional<Node>& value) { return value ? &*value : nullptr; };
  std::vector<ProfileVariable> variables = {
      {"Source.Arn", pointer(source.arn)},
      {"Destination.Arn", pointer(destination.arn)},
      {"Source.ResourceId", pointer(source.resourceId)},
      {"Destination.ResourceId", pointer(destination.resourceId)},
      {"Source.Name", pointer(source.name)},
      {"Destination.Name", pointer(destination.name)},
      {"Source.Qualifier", pointer(source.qualifier)},
      {"Destination.Qualifier", pointer(destination.qualifier)},
  };
  if (std::optional<std::string> missing = replaceProfileVariables(*properties, variables)) {
    plan.rejection = std::move(missing);
    return;
  }
  if (hasProfileVariables(*properties)) {
    plan.unknown = "a `%{…}` left in a connector's values, where SAM fails";
    return;
  }
  categories = properties->get("AccessCategories");
  const Node* sourcePolicy = properties->get("SourcePolicy");
  bool fromSource = sourcePolicy && pythonTruthy(*sourcePolicy);
  const Endpoint& target = fromSource ? source : destination;
  std::string side = fromSource ? "'Source'" : "'Destination'";
  std::string id(connectorId);
  ConnectorResource resource;
  resource.sourceId = source.logicalId;
  resource.destinationId = destination.logicalId;
  resource.sourceType = source.type;
  resource.destinationType = destination.type;
  const std::string& type = profileType->text();
  const PolicyKind* policy = nullptr;
  for (const PolicyKind& kind : kPolicyKinds) {
    if (type == kind.profile) policy = &kind;
  }
  if (policy) {
    const std::optional<Node>& listed = target.*(policy->value);
    if (!listed) {
      plan.rejection =
          "Unable to get " + std::string(policy->what) + " from " + side + " resource.";
      return;
    }
    resource.logicalId = id + std::string(policy->name) + where.suffix();
    resource.type = policy->type;
    resource.properties = Node::mapping();
    resource.properties.set("PolicyDocument", policyDocument(*categories, permissions));
    resource.properties.set(policy->listKey, listOf(*listed));
    const Node* dependedBy = properties->get("DependedBy");
    resource.dependedByEventSourceMapping =
        dependedBy && dependedBy->isString("DESTINATION_EVENT_SOURCE_MAPPING") &&
        !source.logicalId.empty() && !destination.logicalId.empty();
    resource.dependedBySource =
        dependedBy && dependedBy->isString("SOURCE") && !source.logicalId.empty();
    plan.resources.push_back(std::move(resource));
  } else if (type == "AWS_LAMBDA_PERMISSION") {
    if (!target.arn) {
      plan.rejection = "Unable to get Lambda function ARN from " + side + " resource.";
      return;
    }
    for (const model::MapEntry& category : categories->entries()) {
      const std::string& name = category.key.text();
      if (std::find(permissions.begin(), permissions.end(), name) == permissions.end()) continue;
      const Node* action = category.value.get("Action");
      const Node* principal = category.value.get("Principal");
      const Node* sourceArn = category.value.get("SourceArn");
      if (!action || !principal || !sourceArn) {
        plan.unknown = "a connector profile SAM's data does not describe";
        return;
      }
      ConnectorResource permission = resource;
      permission.logicalId = id + name + "LambdaPermission" + where.suffix();
      permission.type = "AWS::Lambda::Permission";
      permission.properties = Node::mapping();
      permission.properties.set("Action", *action);
      permission.properties.set("FunctionName", *target.arn);
      permission.properties.set("Principal", *principal);
      const Node* account = category.value.get("SourceAccount");
      if (account && !account->isNull()) permission.properties.set("SourceAccount", *account);
      permission.properties.set("SourceArn", *sourceArn);
      plan.resources.push_back(std::move(permission));
    }
  } else {
    plan.unknown = "connector profile type " + type + ", where SAM fails";
  }
}

}  // namespace

ConnectorPlan planConnector(std::string_view connectorId, const Node* properties,
                            const ConnectorLookup& lookup) {
  static const Node kEmpty = Node::mapping();
  const Node& props = properties && properties->isMapping() ? *properties : kEmpty;
  if (std::optional<ConnectorPlan> rejected = checkProperties(props)) return *rejected;
  const Node& source = *props.get("Source");
  const Node& destinations = *props.get("Destination");
  std::vector<std::string> permissions;
  for (const Node& permission : props.get("Permissions")->items()) {
    if (std::find(permissions.begin(), permissions.end(), permission.text()) == permissions.end())
      permissions.push_back(permission.text());
  }
  bool multiple = destinations.isSequence();
  std::vector<const Node*> each;
  if (multiple) {
    for (const Node& destination : destinations.items()) each.push_back(&destination);
  } else {
    each.push_back(&destinations);
  }
  ConnectorPlan plan;
  for (size_t index = 0; index < each.size(); ++index) {
    EndpointResult destination = resolveEndpoint(*each[index], source, lookup);
    EndpointResult from =
        destination.endpoint ? resolveEndpoint(source, *each[index], lookup) : EndpointResult{};
    for (const EndpointResult* result : {&destination, &from}) {
      if (result->rejection || result->unknown) {
        plan.rejection = result->rejection;
        plan.unknown = result->unknown;
        plan.resources.clear();
        return plan;
      }
    }
    generate(connectorId, *from.endpoint, *destination.endpoint, permissions,
             Destination{index, multiple}, plan);
    if (plan.rejection || plan.unknown) {
      plan.resources.clear();
      return plan;
    }
  }
  if (plan.resources.empty()) plan.rejection = "'Destination' is an empty list";
  return plan;
}

}  // namespace samshift::sam
