#include "sam/graphql_resolvers.h"

#include <algorithm>
#include <cctype>

#include "sam/deployment_model.h"
#include "sam/globals.h"
#include "sam/graphql_model.h"
#include "sam/resource_properties.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

bool absent(const Node* value) { return !value || value->isNull(); }

constexpr ModelField kDynamoDbFields[] = {
    {"TableName", true}, {"ServiceRoleArn"}, {"TableArn"},
    {"Permissions"},     {"Name"},           {"Description"},
    {"Region"},          {"DeltaSync"},      {"UseCallerCredentials"},
    {"Versioned"}};
constexpr ModelField kDeltaSyncFields[] = {
    {"BaseTableTTL", true}, {"DeltaSyncTableName", true}, {"DeltaSyncTableTTL", true}};
constexpr ModelField kLambdaFields[] = {
    {"FunctionArn", true}, {"ServiceRoleArn"}, {"Name"}, {"Description"}};
constexpr ModelField kFunctionFields[] = {{"DataSource"}, {"Runtime"},     {"InlineCode"},
                                          {"CodeUri"},    {"Description"}, {"MaxBatchSize"},
                                          {"Name"},       {"Id"},          {"Sync"}};
constexpr ModelField kResolverFields[] = {{"FieldName"}, {"Caching"},      {"InlineCode"},
                                          {"CodeUri"},   {"MaxBatchSize"}, {"Pipeline"},
                                          {"Runtime"},   {"Sync"}};
constexpr ModelField kRuntimeFields[] = {{"Name", true}, {"Version", true}};
constexpr ModelField kSyncFields[] = {
    {"ConflictDetection", true}, {"ConflictHandler"}, {"LambdaConflictHandlerConfig"}};
constexpr ModelField kConflictHandlerFields[] = {{"LambdaConflictHandlerArn", true}};
constexpr ModelField kCachingFields[] = {{"Ttl", true}, {"CachingKeys"}};

bool isStringList(const Node& value) {
  return value.isSequence() && std::all_of(value.items().begin(), value.items().end(),
                                           [](const Node& item) { return item.isString(); });
}

// PermissionsType: a list of "Read" and "Write".
bool validPermissions(const Node& value) {
  return value.isSequence() &&
         std::all_of(value.items().begin(), value.items().end(), [](const Node& item) {
           return item.isString("Read") || item.isString("Write");
         });
}

std::optional<std::string> dataSourcesUnsupported(const Node& sources) {
  if (!sources.isMapping()) return "DataSources that are not a mapping";
  for (const MapEntry& kind : sources.entries()) {
    const std::string& name = kind.key.text();
    if (name != "DynamoDb" && name != "Lambda") return "DataSources key " + name;
    if (kind.value.isNull()) continue;
    if (!kind.value.isMapping()) return "DataSources." + name + " that is not a mapping";
    bool dynamo = name == "DynamoDb";
    for (const MapEntry& source : kind.value.entries()) {
      if (!passesModel(source.value, dynamo ? ModelFields(kDynamoDbFields) : kLambdaFields))
        return "a data source SAM's model may refuse (" + source.key.text() + ")";
      if (!dynamo) continue;
      const Node* permissions = source.value.get("Permissions");
      if (!absent(permissions) && !validPermissions(*permissions))
        return "data source Permissions other than Read and Write";
      const Node* deltaSync = source.value.get("DeltaSync");
      if (!absent(deltaSync) && !passesModel(*deltaSync, kDeltaSyncFields))
        return "a DeltaSync SAM's model may refuse";
    }
  }
  return std::nullopt;
}

// What Function and Resolver share: Runtime and Sync.
std::optional<std::string> codeUnitUnsupported(const Node& unit, const std::string& id) {
  const Node* runtime = unit.get("Runtime");
  if (!absent(runtime) && !passesModel(*runtime, kRuntimeFields))
    return "a Runtime SAM's model may refuse (" + id + ")";
  if (const Node* sync = unit.get("Sync"); !absent(sync)) {
    const Node* handler = sync->isMapping() ? sync->get("LambdaConflictHandlerConfig") : nullptr;
    if (!passesModel(*sync, kSyncFields) ||
        (!absent(handler) && !passesModel(*handler, kConflictHandlerFields)))
      return "a Sync SAM's model may refuse (" + id + ")";
  }
  return std::nullopt;
}

std::optional<std::string> functionUnsupported(const Node& function, const std::string& id) {
  if (!passesModel(function, kFunctionFields))
    return "a GraphQLApi function SAM's model may refuse (" + id + ")";
  const Node* dataSource = function.get("DataSource");
  if (!absent(dataSource) && !dataSource->isString() && !dataSource->isMapping())
    return "a DataSource SAM's model would coerce (" + id + ")";
  const Node* name = function.get("Name");
  if (!absent(name) && !name->isString()) return "a Name SAM's model would coerce (" + id + ")";
  return codeUnitUnsupported(function, id);
}

std::optional<std::string> resolverUnsupported(const Node& resolver, const std::string& id) {
  if (!passesModel(resolver, kResolverFields))
    return "a GraphQLApi resolver SAM's model may refuse (" + id + ")";
  const Node* fieldName = resolver.get("FieldName");
  if (!absent(fieldName) && !fieldName->isString())
    return "a FieldName SAM's model would coerce (" + id + ")";
  const Node* pipeline = resolver.get("Pipeline");
  if (!absent(pipeline) && !isStringList(*pipeline))
    return "a Pipeline that is not a list of names (" + id + ")";
  const Node* caching = resolver.get("Caching");
  if (!absent(caching)) {
    if (!passesModel(*caching, kCachingFields)) return "a Caching SAM's model may refuse";
    const Node* keys = caching->get("CachingKeys");
    if (!absent(keys) && !keys->isSequence()) return "CachingKeys that are not a list";
  }
  return codeUnitUnsupported(resolver, id);
}

// The problem of the function or resolver `id`, found in `written` (the mapping the template
// holds it in; null when unknown), reported at its key.
SamProblem problemOf(const std::string& id, std::string message, const Node* written) {
  const Node* node = nullptr;
  if (written && written->isMapping()) {
    for (const MapEntry& entry : written->entries()) {
      if (entry.key.text() == id) node = &entry.key;
    }
  }
  SamProblem problem = resourceProblem("graphql-resolver", std::move(message), node);
  problem.subjectId = id;
  return problem;
}

// _parse_function_code_properties (a function) or the resolver's own test: both code
// properties, or (`required`) neither.
std::optional<std::string> codeProblem(const Node& unit, bool required) {
  bool hasInline = truthy(unit.get("InlineCode")), hasUri = truthy(unit.get("CodeUri"));
  if (hasInline && hasUri)
    return "Both 'InlineCode' and 'CodeUri' cannot be defined at the same time.";
  if (required && !hasInline && !hasUri) return "One of 'InlineCode' or 'CodeUri' must be set.";
  return std::nullopt;
}

std::string runtimeMissing(const std::string& id) {
  return "'Runtime' must be defined as a property in " + id + ".";
}

std::optional<std::string> functionProblem(const Node& function, const std::string& id,
                                           const std::vector<std::string>& dataSources) {
  if (truthy(function.get("Id"))) {
    size_t given = std::count_if(function.entries().begin(), function.entries().end(),
                                 [](const MapEntry& entry) { return !entry.value.isNull(); });
    if (given != 1) return "'Id' cannot be defined with other properties in Function.";
    return std::nullopt;
  }
  if (auto problem = codeProblem(function, true)) return problem;
  const Node* dataSource = function.get("DataSource");
  if (!truthy(dataSource)) return "'DataSource' must be set.";
  if (dataSource->isString() && !isNoneDataSource(*dataSource) &&
      std::find(dataSources.begin(), dataSources.end(), dataSource->text()) == dataSources.end())
    return "Either define DataSource '" + dataSource->text() +
           "' in 'DataSources' or use intrinsic function like GetAtt, ImportValue, Sub or another "
           "one to reference a DataSource defined outside of this GraphQLApi resource.";
  if (absent(function.get("Runtime"))) return runtimeMissing(id);
  return std::nullopt;
}

std::optional<std::string> resolverProblem(const Node& resolver, const std::string& id,
                                           const Node* functions) {
  if (auto problem = codeProblem(resolver, false)) return problem;
  bool customCode = truthy(resolver.get("InlineCode")) || truthy(resolver.get("CodeUri"));
  if (customCode && absent(resolver.get("Runtime"))) return runtimeMissing(id);
  const Node* pipeline = resolver.get("Pipeline");
  if (!truthy(pipeline))
    return "Resolver '" + id +
           "' must have Pipeline defined. Unit resolvers are not supported. If you need a Unit "
           "resolver you can use AppSync resource.";
  for (const Node& name : pipeline->items()) {
    if (!functions || !functions->isMapping() || !functions->has(name.text()))
      return "Function '" + name.text() + "' does not exist.";
  }
  return std::nullopt;
}

}  // namespace

bool isNoneDataSource(const Node& dataSource) {
  if (!dataSource.isString()) return false;
  std::string lower = dataSource.text();
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "none";
}

std::vector<std::string> graphQLDataSourceKeys(const Node& props) {
  std::vector<std::string> keys;
  const Node* sources = props.get("DataSources");
  if (!sources || !sources->isMapping()) return keys;
  for (const char* kind : {"DynamoDb", "Lambda"}) {
    const Node* group = sources->get(kind);
    if (!group || !group->isMapping()) continue;
    for (const MapEntry& entry : group->entries()) keys.push_back(entry.key.text());
  }
  return keys;
}

std::optional<std::string> graphQLResolversUnsupported(const Node& props) {
  if (const Node* sources = props.get("DataSources"); !absent(sources)) {
    if (auto why = dataSourcesUnsupported(*sources)) return why;
  }
  if (const Node* functions = props.get("Functions"); !absent(functions)) {
    if (!functions->isMapping()) return "Functions that are not a mapping";
    for (const MapEntry& entry : functions->entries()) {
      if (auto why = functionUnsupported(entry.value, entry.key.text())) return why;
    }
  }
  if (const Node* resolvers = props.get("Resolvers"); !absent(resolvers)) {
    if (!resolvers->isMapping()) return "Resolvers that are not a mapping";
    for (const MapEntry& type : resolvers->entries()) {
      if (!type.value.isMapping()) return "resolvers of a type that are not a mapping";
      for (const MapEntry& entry : type.value.entries()) {
        if (auto why = resolverUnsupported(entry.value, entry.key.text())) return why;
      }
    }
  }
  return std::nullopt;
}

std::optional<SamProblem> graphQLResolversProblem(const model::Template& templ,
                                                  const model::ResourceView& resource,
                                                  const Node& props) {
  const Node* functions = props.get("Functions");
  if (truthy(functions)) {
    std::vector<std::string> dataSources = graphQLDataSourceKeys(props);
    for (const MapEntry& entry : functions->entries()) {
      if (auto message = functionProblem(entry.value, entry.key.text(), dataSources))
        return problemOf(entry.key.text(), std::move(*message),
                         propertySource(templ, resource, "Functions"));
    }
  }
  const Node* resolvers = props.get("Resolvers");
  if (!truthy(resolvers)) return std::nullopt;
  const Node* writtenResolvers = propertySource(templ, resource, "Resolvers");
  if (writtenResolvers && !writtenResolvers->isMapping()) writtenResolvers = nullptr;
  for (const MapEntry& type : resolvers->entries()) {
    for (const MapEntry& entry : type.value.entries()) {
      if (auto message = resolverProblem(entry.value, entry.key.text(), functions))
        return problemOf(entry.key.text(), std::move(*message),
                         writtenResolvers ? writtenResolvers->get(type.key.text()) : nullptr);
    }
  }
  return std::nullopt;
}

}  // namespace samshift::sam
