#include "expand/graphql/graphql_resolvers.h"

#include "expand/builders.h"
#include "expand/connectors/connectors.h"
#include "expand/graphql/graphql_values.h"
#include "expand/pass_through.h"
#include "sam/deployment_model.h"
#include "sam/graphql_resolvers.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

void setIfGiven(Node& to, const char* key, const Node* value) {
  if (graphQLGiven(value)) to.set(key, *value);
}

Node connectorResource(Node source, Node destinationArn, const char* destinationType,
                       Node permissions) {
  Node destination = map({{"Type", str(destinationType)}, {"Arn", std::move(destinationArn)}});
  return map({{"Type", str("AWS::Serverless::Connector")},
              {"Properties", map({{"Source", std::move(source)},
                                  {"Destination", std::move(destination)},
                                  {"Permissions", std::move(permissions)}})}});
}

// The data source's ServiceRoleArn: the user's, else a role SAM makes with a connector from
// the data source to `destinationArn` (_parse_ddb_datasource_role, _parse_lambda_datasource_role).
Node serviceRole(ExpandContext& ctx, const model::ResourceView& resource, const Node& source,
                 const std::string& dataSourceId, const char* connectorSuffix, Node destinationArn,
                 const char* destinationType, Node permissions) {
  if (const Node* role = source.get("ServiceRoleArn"); graphQLTruthy(role)) return *role;
  std::string roleId = dataSourceId + "Role";
  addGraphQLResource(ctx, resource, roleId, "AWS::IAM::Role",
                     map({{"AssumeRolePolicyDocument", appSyncAssumeRolePolicy()}}));
  Node connectorSource = map({{"Type", str("AWS::AppSync::DataSource")},
                              {"Arn", getAtt(dataSourceId, "DataSourceArn")},
                              {"RoleName", ref(roleId)}});
  expandInternalConnector(ctx, dataSourceId + connectorSuffix,
                          connectorResource(std::move(connectorSource), std::move(destinationArn),
                                            destinationType, std::move(permissions)));
  return getAtt(roleId, "Arn");
}

Node regionOf(const Node& source) {
  const Node* region = source.get("Region");
  return graphQLTruthy(region) ? *region : ref("AWS::Region");
}

// _compose_dynamodb_table_arn.
Node composedTableArn(const Node& source) {
  return intrinsic(
      "Fn::Sub",
      seq({str("arn:${AWS::Partition}:dynamodb:${__Region__}:${AWS::AccountId}:table/"
               "${__TableName__}"),
           map({{"__TableName__", *source.get("TableName")}, {"__Region__", regionOf(source)}})}));
}

// _parse_ddb_config.
Node dynamoDbConfig(const Node& source) {
  Node config = map({{"AwsRegion", regionOf(source)}});
  setIfGiven(config, "TableName", source.get("TableName"));
  for (const char* key : {"UseCallerCredentials", "Versioned"}) {
    if (const Node* value = source.get(key); graphQLTruthy(value)) config.set(key, *value);
  }
  if (const Node* deltaSync = source.get("DeltaSync"); graphQLGiven(deltaSync)) {
    Node out = Node::mapping();
    for (const char* key : {"BaseTableTTL", "DeltaSyncTableName", "DeltaSyncTableTTL"})
      out.set(key, *deltaSync->get(key));
    config.set("DeltaSyncConfig", std::move(out));
  }
  return config;
}

void addDataSource(ExpandContext& ctx, const model::ResourceView& resource, bool dynamo,
                   const std::string& key, const Node& source, std::map<std::string, Node>& names) {
  std::string apiId(resource.id);
  std::string id = apiId + key + (dynamo ? "DynamoDB" : "Lambda") + "DataSource";
  // DataSource.property_types order.
  Node out = map({{"ApiId", getAtt(apiId, "ApiId")}});
  setIfGiven(out, "Description", source.get("Description"));
  const Node* name = source.get("Name");
  out.set("Name", graphQLTruthy(name) ? *name : str(key));
  out.set("Type", str(dynamo ? "AMAZON_DYNAMODB" : "AWS_LAMBDA"));
  // The data source precedes its role and connector.
  addGraphQLResource(ctx, resource, id, "AWS::AppSync::DataSource", Node::mapping());
  Node role;
  if (dynamo) {
    const Node* tableArn = source.get("TableArn");
    const Node* permissions = source.get("Permissions");
    role = serviceRole(
        ctx, resource, source, id, "ToTableConnector",
        graphQLTruthy(tableArn) ? *tableArn : composedTableArn(source), "AWS::DynamoDB::Table",
        graphQLTruthy(permissions) ? *permissions : seq({str("Read"), str("Write")}));
  } else {
    role = serviceRole(ctx, resource, source, id, "ToLambdaConnector", *source.get("FunctionArn"),
                       "AWS::Lambda::Function", seq({str("Write")}));
  }
  out.set("ServiceRoleArn", std::move(role));
  if (dynamo) {
    out.set("DynamoDBConfig", dynamoDbConfig(source));
  } else {
    out.set("LambdaConfig", map({{"LambdaFunctionArn", *source.get("FunctionArn")}}));
  }
  if (Node* added = ctx.resource(id)) added->set("Properties", std::move(out));
  names[key] = getAtt(id, "Name");
}

Node runtimeOf(const Node& unit) {
  const Node& runtime = *unit.get("Runtime");
  return map({{"Name", *runtime.get("Name")}, {"RuntimeVersion", *runtime.get("Version")}});
}

// The resolvers' functions by key: FunctionId of the ones SAM makes, the user's Id otherwise.
struct FunctionIds {
  std::map<std::string, Node> byKey;
};

// _parse_datasource_name, for a function SAM's validation accepted.
Node dataSourceName(const Node& dataSource, const std::string& apiId,
                    const std::map<std::string, Node>& names, bool& usesNone) {
  if (!dataSource.isString()) return dataSource;
  if (sam::isNoneDataSource(dataSource)) {
    usesNone = true;
    return getAtt(apiId + "NoneDataSource", "Name");
  }
  return names.at(dataSource.text());
}

void addFunction(ExpandContext& ctx, const model::ResourceView& resource, const std::string& key,
                 const Node& function, const std::map<std::string, Node>& names, FunctionIds& ids,
                 bool& usesNone) {
  std::string apiId(resource.id);
  if (const Node* id = function.get("Id"); graphQLTruthy(id)) {
    ids.byKey[key] = *id;
    return;
  }
  std::string id = apiId + key;
  // FunctionConfiguration.property_types order.
  Node out = map({{"ApiId", getAtt(apiId, "ApiId")}});
  if (const Node* code = function.get("InlineCode"); graphQLTruthy(code)) {
    out.set("Code", *code);
  } else {
    out.set("CodeS3Location", *function.get("CodeUri"));
  }
  out.set("DataSourceName", dataSourceName(*function.get("DataSource"), apiId, names, usesNone));
  setIfGiven(out, "Description", function.get("Description"));
  setIfGiven(out, "MaxBatchSize", function.get("MaxBatchSize"));
  const Node* name = function.get("Name");
  out.set("Name", graphQLTruthy(name) ? *name : str(key));
  out.set("Runtime", runtimeOf(function));
  // remove_none_values(Sync.dict()): its top-level nulls only.
  if (const Node* sync = function.get("Sync"); graphQLGiven(sync)) {
    Node config = Node::mapping();
    setIfGiven(config, "ConflictDetection", sync->get("ConflictDetection"));
    setIfGiven(config, "ConflictHandler", sync->get("ConflictHandler"));
    if (const Node* handler = sync->get("LambdaConflictHandlerConfig"); graphQLGiven(handler))
      config.set("LambdaConflictHandlerConfig",
                 map({{"LambdaConflictHandlerArn", *handler->get("LambdaConflictHandlerArn")}}));
    out.set("SyncConfig", std::move(config));
  }
  addGraphQLResource(ctx, resource, id, "AWS::AppSync::FunctionConfiguration", std::move(out));
  ids.byKey[key] = getAtt(id, "FunctionId");
}

// The default pipeline resolver code (internal/model/appsync.py APPSYNC_PIPELINE_RESOLVER_JS_CODE).
constexpr const char* kDefaultResolverCode =
    "\nexport function request(ctx) {\n    return {};\n}\n\nexport function response(ctx) {\n"
    "    return ctx.prev.result;\n}\n";

void addResolver(ExpandContext& ctx, const model::ResourceView& resource,
                 const std::string& typeName, const std::string& key, const Node& resolver,
                 const FunctionIds& ids) {
  std::string apiId(resource.id);
  // Resolver.property_types order.
  Node out = map({{"ApiId", getAtt(apiId, "ApiId")}});
  if (const Node* caching = resolver.get("Caching"); graphQLGiven(caching)) {
    Node config = map({{"Ttl", *caching->get("Ttl")}});
    setIfGiven(config, "CachingKeys", caching->get("CachingKeys"));
    out.set("CachingConfig", std::move(config));
  }
  const Node* code = resolver.get("InlineCode");
  const Node* codeUri = resolver.get("CodeUri");
  bool customCode = graphQLTruthy(code) || graphQLTruthy(codeUri);
  if (!customCode) {
    out.set("Code", str(kDefaultResolverCode));
    setIfGiven(out, "CodeS3Location", codeUri);
  } else {
    setIfGiven(out, "Code", code);
    setIfGiven(out, "CodeS3Location", codeUri);
  }
  const Node* fieldName = resolver.get("FieldName");
  out.set("FieldName", graphQLTruthy(fieldName) ? *fieldName : str(key));
  out.set("Kind", str("PIPELINE"));
  if (const Node* batch = resolver.get("MaxBatchSize"); graphQLTruthy(batch))
    out.set("MaxBatchSize", *batch);
  Node functions = Node::sequence();
  for (const Node& name : resolver.get("Pipeline")->items())
    functions.push(ids.byKey.at(name.text()));
  out.set("PipelineConfig", map({{"Functions", std::move(functions)}}));
  out.set("Runtime", customCode
                         ? runtimeOf(resolver)
                         : map({{"Name", str("APPSYNC_JS")}, {"RuntimeVersion", str("1.0.0")}}));
  out.set("TypeName", str(typeName));
  // Resolver(depends_on=[schema], attributes=resource_attributes): Type, DependsOn, attributes.
  Node head = allAttributesResource("AWS::AppSync::Resolver", resource);
  Node generated = map({{"Type", *head.get("Type")}, {"DependsOn", seq({str(apiId + "Schema")})}});
  for (const MapEntry& entry : head.entries()) {
    if (entry.key.text() != "Type" && entry.key.text() != "DependsOn")
      generated.set(entry.key.text(), entry.value);
  }
  generated.set("Properties", std::move(out));
  std::string id = apiId + typeName + key;
  if (ctx.resource(id)) {
    ctx.notSupported("resolver " + id + " whose logical ID the API already generated");
    return;
  }
  ctx.add(id, std::move(generated));
}

}  // namespace

void addGraphQLAuthorizerConnectors(ExpandContext& ctx, const std::string& apiId,
                                    const std::vector<Node>& authenticators) {
  size_t number = 0;
  for (const Node& authenticator : authenticators) {
    const Node* config = authenticator.get("LambdaAuthorizerConfig");
    if (!config) continue;
    Node source = map({{"Type", str("AWS::AppSync::GraphQLApi")},
                       {"Arn", ref(apiId)},
                       {"ResourceId", getAtt(apiId, "ApiId")}});
    expandInternalConnector(ctx, apiId + "ToLambdaAuthConnector" + std::to_string(++number),
                            connectorResource(std::move(source), *config->get("AuthorizerUri"),
                                              "AWS::Lambda::Function", seq({str("Write")})));
  }
}

std::map<std::string, Node> addGraphQLDataSources(ExpandContext& ctx,
                                                  const model::ResourceView& resource,
                                                  const Node& props) {
  std::map<std::string, Node> names;
  const Node* sources = props.get("DataSources");
  if (!graphQLGiven(sources)) return names;
  for (const char* kind : {"DynamoDb", "Lambda"}) {
    const Node* group = sources->get(kind);
    if (!graphQLTruthy(group)) continue;
    for (const MapEntry& entry : group->entries())
      addDataSource(ctx, resource, std::string_view(kind) == "DynamoDb", entry.key.text(),
                    entry.value, names);
  }
  return names;
}

void addGraphQLFunctionsAndResolvers(ExpandContext& ctx, const model::ResourceView& resource,
                                     const Node& props,
                                     const std::map<std::string, Node>& dataSourceNames) {
  FunctionIds ids;
  bool usesNone = false;
  if (const Node* functions = props.get("Functions"); graphQLTruthy(functions)) {
    for (const MapEntry& entry : functions->entries())
      addFunction(ctx, resource, entry.key.text(), entry.value, dataSourceNames, ids, usesNone);
  }
  if (const Node* resolvers = props.get("Resolvers"); graphQLTruthy(resolvers)) {
    for (const MapEntry& type : resolvers->entries()) {
      for (const MapEntry& entry : type.value.entries())
        addResolver(ctx, resource, type.key.text(), entry.key.text(), entry.value, ids);
    }
  }
  if (!usesNone) return;
  std::string apiId(resource.id);
  addGraphQLResource(ctx, resource, apiId + "NoneDataSource", "AWS::AppSync::DataSource",
                     map({{"ApiId", getAtt(apiId, "ApiId")},
                          {"Name", str(apiId + "NoneDataSource")},
                          {"Type", str("NONE")}}));
}

}  // namespace samshift::expand
