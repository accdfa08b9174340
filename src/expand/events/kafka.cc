// The inline policies of the Kafka sources, MSK and SelfManagedKafka (pull.py): the secrets of
// their authentication, the VPC they reach the brokers in, and the Glue schema registry.

#include <optional>

#include "expand/builders.h"
#include "expand/events/pull.h"

namespace samshift::expand::events {

using model::Node;

namespace {

// PullEventSource.get_registry_name: `<name>` of `arn:…:…:…:…:registry/<name>[:…]`.
std::optional<std::string> registryName(const std::string& uri) {
  if (uri.rfind("arn", 0) != 0) return std::nullopt;
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t colon = uri.find(':', start);
    parts.push_back(uri.substr(start, colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  constexpr std::string_view kPrefix = "registry/";
  if (parts.size() < 6 || parts[5].rfind(kPrefix, 0) != 0) return std::nullopt;
  return parts[5].substr(kPrefix.size());
}

// PullEventSource.get_schema_registry_permissions: the secrets of AccessConfigs, then read access
// to the registry when its URI is a Glue registry ARN. SAM reads an intrinsic URI with the
// template's parameters resolved and takes the string of an Fn::Sub.
void appendSchemaRegistryStatements(ExpandContext& ctx, const Event& event, Node& statements) {
  const Node* config = event.properties.get("SchemaRegistryConfig");
  if (!truthy(config) || !config->isMapping()) return;
  if (const Node* access = config->get("AccessConfigs")) {
    if (!access->isSequence() && (access->isMapping() || access->isString()) && !truthy(access)) {
      // An empty mapping or string: nothing to iterate.
    } else if (!access->isSequence()) {
      ctx.notSupported("AccessConfigs of SchemaRegistryConfig of event " + event.id +
                       " (SAM's transform fails on it)");
      return;
    } else {
      for (const Node& entry : access->items()) {
        if (const Node* uri = entry.isMapping() ? entry.get("URI") : nullptr)
          statements.push(secretStatement(*uri));
      }
    }
  }
  const Node* uri = config->get("SchemaRegistryURI");
  std::optional<std::string> arn;
  if (uri && uri->isString()) {
    arn = uri->text();
  } else if (uri && uri->isMapping()) {
    Node resolved = ctx.resolve(*uri);
    if (!resolved.isMapping()) {
      ctx.notSupported("SchemaRegistryURI of event " + event.id +
                       " resolving to a value that is not a mapping (SAM's transform fails on it)");
      return;
    }
    if (const Node* sub = resolved.get("Fn::Sub"); sub && sub->isString()) arn = sub->text();
  }
  std::optional<std::string> name = arn ? registryName(*arn) : std::nullopt;
  if (!name) return;
  statements.push(map(
      {{"Action", seq({str("glue:GetRegistry")})}, {"Effect", str("Allow")}, {"Resource", *uri}}));
  statements.push(
      map({{"Action", seq({str("glue:GetSchemaVersion")})},
           {"Effect", str("Allow")},
           {"Resource", seq({intrinsic("Fn::Sub", str("arn:${AWS::Partition}:glue:${AWS::Region}:"
                                                      "${AWS::AccountId}:schema/" +
                                                      *name + "/*"))})}}));
}

}  // namespace

Node withSchemaRegistryUriAsSamLeavesIt(ExpandContext& ctx, const Node& properties) {
  Node result = properties;
  Node* config = result.get("SchemaRegistryConfig");
  Node* uri = truthy(config) && config->isMapping() ? config->get("SchemaRegistryURI") : nullptr;
  if (!uri || !uri->isMapping()) return result;
  for (model::MapEntry& entry : uri->entries()) {
    Node& shared = entry.value;
    // A Ref the resolver replaces is replaced in the copy only; every other list or mapping is
    // resolved where it is.
    if (shared.isSequence() || (shared.isMapping() && shared.intrinsicName() != "Ref"))
      shared = ctx.resolve(shared);
  }
  return result;
}

std::optional<Node> mskPolicy(ExpandContext& ctx, const Event& event) {
  Node statements = Node::sequence();
  appendSchemaRegistryStatements(ctx, event, statements);
  const Node* configs = event.properties.get("SourceAccessConfigurations");
  for (const Node& config : configs && configs->isSequence() ? configs->items() : model::kNoItems) {
    const Node* type = config.isMapping() ? config.get("Type") : nullptr;
    const Node* uri = config.isMapping() ? config.get("URI") : nullptr;
    if (type && type->isString("CLIENT_CERTIFICATE_TLS_AUTH") && truthy(uri))
      statements.push(secretStatement(*uri));
  }
  if (statements.size() == 0) return std::nullopt;
  return map({{"PolicyName", str("MSKExecutionRolePolicy")},
              {"PolicyDocument", map({{"Statement", std::move(statements)}})}});
}

Node selfManagedKafkaPolicy(ExpandContext& ctx, const Event& event) {
  const Node& props = event.properties;
  // SelfManagedKafka.get_secret_key (validateSamResource has checked the entries).
  const Node* authUri = nullptr;
  const Node* rootCaUri = nullptr;
  bool vpc = false;
  const Node* configs = props.get("SourceAccessConfigurations");
  for (const Node& config : configs && configs->isSequence() ? configs->items() : model::kNoItems) {
    const Node* type = config.isMapping() ? config.get("Type") : nullptr;
    if (!type || !type->isString()) continue;
    const std::string& name = type->text();
    if (name == "VPC_SUBNET" || name == "VPC_SECURITY_GROUP") {
      vpc = true;
    } else if (name == "SERVER_ROOT_CA_CERTIFICATE") {
      rootCaUri = config.get("URI");
    } else {
      authUri = config.get("URI");
    }
  }
  Node statements = Node::sequence();
  if (truthy(authUri)) statements.push(secretStatement(*authUri));
  // SAM grants the auth secret again for a root CA certificate (generate_policy_document passes
  // authentication_uri both times), null when there is no auth secret.
  if (truthy(rootCaUri)) statements.push(secretStatement(authUri ? *authUri : Node::null()));
  if (vpc) statements.push(vpcStatement());
  if (const Node* key = props.get("SecretsManagerKmsKeyId"); truthy(key) && key->isString())
    statements.push(kmsDecryptStatement(key->text(), true));
  appendSchemaRegistryStatements(ctx, event, statements);
  return map({{"PolicyDocument",
               map({{"Statement", std::move(statements)}, {"Version", str("2012-10-17")}})},
              {"PolicyName", str("SelfManagedKafkaExecutionRolePolicy")}});
}

}  // namespace samshift::expand::events
