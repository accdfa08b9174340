#include "expand/graphql/graphql_api.h"

#include "expand/builders.h"
#include "expand/graphql/graphql_resolvers.h"
#include "expand/graphql/graphql_values.h"
#include "expand/pass_through.h"
#include "expand/tag_list.h"
#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/graphql_api.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

// The user's tags with SAM's `graphqlapi:createdBy: SAM` set last (or in its place when written).
Node apiTags(const Node* tags) {
  Node merged = graphQLGiven(tags) ? *tags : Node::mapping();
  merged.set("graphqlapi:createdBy", str("SAM"));
  return tagListOf(merged);
}

// _parse_logging_properties; the role is made when no role ARN is given.
Node logConfig(const Node* logging, bool& makeRole, const std::string& roleId) {
  Node config = Node::mapping();
  const Node* fieldLevel = nullptr;
  const Node* roleArn = nullptr;
  if (logging && logging->isMapping()) {
    if (const Node* exclude = logging->get("ExcludeVerboseContent"); graphQLTruthy(exclude))
      config.set("ExcludeVerboseContent", *exclude);
    fieldLevel = logging->get("FieldLogLevel");
    roleArn = logging->get("CloudWatchLogsRoleArn");
  }
  config.set("FieldLogLevel", graphQLTruthy(fieldLevel) ? *fieldLevel : str("ALL"));
  makeRole = !graphQLTruthy(roleArn);
  config.set("CloudWatchLogsRoleArn", makeRole ? getAtt(roleId, "Arn") : *roleArn);
  return config;
}

Node cloudWatchRole() {
  return map({{"AssumeRolePolicyDocument", appSyncAssumeRolePolicy()},
              {"ManagedPolicyArns",
               seq({intrinsic("Fn::Sub", str("arn:${AWS::Partition}:iam::aws:policy/service-role/"
                                             "AWSAppSyncPushToCloudWatchLogs"))})}});
}

// Copies the fields of `from` in `order` (renamed by the pairs' second) that are not null.
void copyFields(Node& to, const Node& from,
                std::initializer_list<std::pair<const char*, const char*>> order) {
  for (const auto& [source, target] : order) {
    if (const Node* value = from.get(source); graphQLGiven(value)) to.set(target, *value);
  }
}

}  // namespace

void expandGraphQLApi(ExpandContext& ctx, const model::ResourceView& resource) {
  std::string id(resource.id);
  Node props = sam::propertiesWithGlobals(ctx.templ, resource);
  if (auto why = sam::graphQLApiUnsupported(props)) {
    ctx.notSupported(*why + " (" + id + ")");
    return;
  }
  auto add = [&](const std::string& logicalId, const std::string& type, Node properties) {
    addGraphQLResource(ctx, resource, logicalId, type, std::move(properties));
  };
  Node apiId = getAtt(id, "ApiId");
  // GraphQLApi.property_types order.
  Node api = Node::mapping();
  const Node* name = props.get("Name");
  api.set("Name", graphQLTruthy(name) ? *name : str(id));
  api.set("Tags", apiTags(props.get("Tags")));
  if (const Node* xray = props.get("XrayEnabled"); graphQLGiven(xray))
    api.set("XrayEnabled", *xray);
  std::vector<Node> authenticators = sam::graphQLAuthenticators(*props.get("Auth"));
  api.set("AuthenticationType", *authenticators[0].get("AuthenticationType"));
  const Node* logging = props.get("Logging");
  bool makeRole = false;
  std::string roleId = id + "CloudWatchRole";
  if (!(logging && logging->isBool() && !logging->boolValue()))
    api.set("LogConfig", logConfig(logging, makeRole, roleId));
  for (const MapEntry& entry : authenticators[0].entries()) {
    if (entry.key.text() != "AuthenticationType") api.set(entry.key.text(), entry.value);
  }
  if (authenticators.size() > 1) {
    Node additional = Node::sequence();
    for (size_t i = 1; i < authenticators.size(); ++i) additional.push(authenticators[i]);
    api.set("AdditionalAuthenticationProviders", std::move(additional));
  }
  for (const char* key : {"Visibility", "OwnerContact", "IntrospectionConfig", "QueryDepthLimit",
                          "ResolverCountLimit"}) {
    if (const Node* value = props.get(key); graphQLTruthy(value)) api.set(key, *value);
  }
  add(id, "AWS::AppSync::GraphQLApi", std::move(api));

  Node schema = map({{"ApiId", apiId}});
  copyFields(schema, props,
             {{"SchemaInline", "Definition"}, {"SchemaUri", "DefinitionS3Location"}});
  add(id + "Schema", "AWS::AppSync::GraphQLSchema", std::move(schema));
  addGraphQLAuthorizerConnectors(ctx, id, authenticators);
  if (makeRole) add(roleId, "AWS::IAM::Role", cloudWatchRole());

  if (const Node* keys = props.get("ApiKeys"); graphQLTruthy(keys)) {
    for (const MapEntry& entry : keys->entries()) {
      Node key = map({{"ApiId", apiId}});
      copyFields(
          key, entry.value,
          {{"ApiKeyId", "ApiKeyId"}, {"Description", "Description"}, {"ExpiresOn", "Expires"}});
      add(id + entry.key.text(), "AWS::AppSync::ApiKey", std::move(key));
    }
  }
  if (const Node* cache = props.get("Cache"); graphQLTruthy(cache)) {
    Node out = Node::mapping();
    copyFields(out, *cache, {{"ApiCachingBehavior", "ApiCachingBehavior"}});
    out.set("ApiId", apiId);
    copyFields(out, *cache,
               {{"AtRestEncryptionEnabled", "AtRestEncryptionEnabled"},
                {"TransitEncryptionEnabled", "TransitEncryptionEnabled"},
                {"Ttl", "Ttl"},
                {"Type", "Type"}});
    add(id + "ApiCache", "AWS::AppSync::ApiCache", std::move(out));
  }
  std::map<std::string, Node> dataSourceNames = addGraphQLDataSources(ctx, resource, props);
  if (const Node* domain = props.get("DomainName"); graphQLTruthy(domain)) {
    Node out = Node::mapping();
    copyFields(out, *domain,
               {{"CertificateArn", "CertificateArn"},
                {"Description", "Description"},
                {"DomainName", "DomainName"}});
    add(id + "DomainName", "AWS::AppSync::DomainName", std::move(out));
    add(id + "DomainNameApiAssociation", "AWS::AppSync::DomainNameApiAssociation",
        map({{"ApiId", apiId}, {"DomainName", ref(id + "DomainName")}}));
  }
  addGraphQLFunctionsAndResolvers(ctx, resource, props, dataSourceNames);
}

}  // namespace samshift::expand
