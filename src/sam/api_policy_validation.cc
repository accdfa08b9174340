#include "sam/api_policy_validation.h"

#include <string>
#include <string_view>

#include "sam/api_validation.h"
#include "sam/deployment_model.h"
#include "sam/globals.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

bool truthy(const Node* value) { return value && pythonTruthy(*value); }

// The truthy Auth of the API, with Globals.
const Node* givenAuth(const Node& props) {
  const Node* auth = props.get("Auth");
  return truthy(auth) ? auth : nullptr;
}

// The node a problem of Auth.<key> points at: the key's value in the API's own Auth, else in
// `Globals: Api`'s, else the Auth itself.
const Node* authSource(const model::Template& templ, const model::ResourceView& resource,
                       const char* key) {
  const Node* auth = propertySource(templ, resource, "Auth");
  const Node* own = auth && auth->isMapping() ? auth->get(key) : nullptr;
  return own ? own : auth;
}

// Whether SAM's _add_auth and the rest of _construct_rest_api certainly get past everything
// before the check at hand: a body SAM manages, Auth keys among AuthProperties' that samshift
// knows SAM takes (no authorizers other than a plain Cognito one), no GatewayResponses or Models.
bool earlierChecksPass(const model::ResourceView& resource, const Node& props, const Node& auth) {
  const Node& own = resource.propertiesMapping();
  if (truthy(own.get("DefinitionBody")) || truthy(own.get("DefinitionUri"))) return false;
  if (truthy(props.get("GatewayResponses")) || truthy(props.get("Models"))) return false;
  if (!auth.isMapping() || auth.isIntrinsic()) return false;
  for (const MapEntry& entry : auth.entries()) {
    const std::string& key = entry.key.text();
    const Node& value = entry.value;
    if (key == "ApiKeyRequired" || key == "AddApiKeyRequiredToCorsPreflight" ||
        key == "AddDefaultAuthorizerToCorsPreflight") {
      if (!value.isNull() && !value.isBool()) return false;
    } else if (key == "Authorizers") {
      if (!truthy(&value)) continue;
      if (!value.isMapping() || value.isIntrinsic()) return false;
      for (const MapEntry& authorizer : value.entries()) {
        const Node& fields = authorizer.value;
        if (!fields.isMapping() || fields.isIntrinsic() || fields.entries().size() != 1 ||
            !truthy(fields.get("UserPoolArn")))
          return false;
      }
    } else if (key != "ResourcePolicy" && key != "UsagePlan") {
      return false;
    }
  }
  return true;
}

SamProblem authProblem(const char* code, std::string message, const Node* node,
                       bool resourcePrefix) {
  return SamProblem{code, std::move(message), node, resourcePrefix, {}};
}

}  // namespace

void validateApiResourcePolicy(const model::Template& templ, const model::ResourceView& resource,
                               const Node& props, const ParameterValues& params,
                               std::vector<SamProblem>& out) {
  const Node* auth = givenAuth(props);
  if (!auth) return;
  Resolved resolved = params.resolve(*auth);
  if (resolutionFails(resolved.failure, propertySource(templ, resource, "Auth"), out)) return;
  if (!earlierChecksPass(resource, props, resolved.value)) return;
  const Node* policy = resolved.value.get("ResourcePolicy");
  // SwaggerEditor.validate_is_dict: an intrinsic is a dict too.
  if (truthy(policy) && !policy->isMapping()) {
    out.push_back(
        authProblem("api-resource-policy-invalid",
                    "Structure of the SAM template is invalid. ResourcePolicy must be a map "
                    "(ResourcePolicyStatement).",
                    authSource(templ, resource, "ResourcePolicy"), false));
  }
}

namespace {

// The first of SourceVpcBlacklist, SourceVpcWhitelist (the order add_resource_policy checks them)
// that is a list with an item other than a string (_validate_list_property_is_resolved).
const char* unresolvedVpcList(const Node& policy) {
  for (const char* key : {"SourceVpcBlacklist", "SourceVpcWhitelist"}) {
    const Node* list = policy.get(key);
    if (!list || list->isNull()) continue;
    if (!list->isSequence()) return nullptr;  // what SAM does with it is not modelled
    for (const Node& item : list->items()) {
      if (!item.isString()) return key;
    }
  }
  return nullptr;
}

}  // namespace

std::optional<SamProblem> implicitRestApiPolicyProblem(const model::Template& templ,
                                                       const ParameterValues& params) {
  const Node* globals = templ.globals();
  const Node* api = globals && globals->isMapping() ? globals->get("Api") : nullptr;
  if (!api || !api->isMapping() || api->isIntrinsic() || api->entries().size() != 1)
    return std::nullopt;
  const Node* written = api->get("Auth");
  if (!written || !written->isMapping() || !implicitRestApiMade(templ)) return std::nullopt;
  Resolved resolved = params.resolve(*written);
  const Node& auth = resolved.value;
  if (resolved.failure || !auth.isMapping() || auth.isIntrinsic() || auth.entries().size() != 1)
    return std::nullopt;
  const Node* policy = auth.get("ResourcePolicy");
  const Node* policySource = written->get("ResourcePolicy");
  if (!truthy(policy) || !policySource) return std::nullopt;
  auto stop = [&](const char* code, std::string message, const Node* node) {
    return SamProblem{code, "Structure of the SAM template is invalid. " + std::move(message), node,
                      false, "ServerlessRestApi"};
  };
  if (!policy->isMapping()) {
    return stop("api-resource-policy-invalid",
                "ResourcePolicy must be a map (ResourcePolicyStatement).", policySource);
  }
  if (policy->isIntrinsic()) return std::nullopt;
  for (const MapEntry& entry : policy->entries()) {
    std::string_view key = entry.key.text();
    if (key != "SourceVpcBlacklist" && key != "SourceVpcWhitelist" &&
        key.rfind("IntrinsicVpc", 0) != 0)
      return std::nullopt;  // statements added before the check: not modelled
  }
  const char* key = unresolvedVpcList(*policy);
  if (!key) return std::nullopt;
  std::string kind = std::string(key).substr(std::string_view("SourceVpc").size());
  const Node* node = policySource->isMapping() ? policySource->get(key) : nullptr;
  return stop("api-resource-policy-vpc-list",
              std::string(key) + " must be a list of strings. Use IntrinsicVpc" + kind +
                  " instead for values that use Intrinsic Functions",
              node ? node : policySource);
}

void validateApiUsagePlan(const model::Template& templ, const model::ResourceView& resource,
                          const Node& props, const ParameterValues& params,
                          std::vector<SamProblem>& out) {
  const Node* auth = givenAuth(props);
  if (!auth) return;
  Resolved resolved = params.resolve(*auth);
  if (resolved.failure || !earlierChecksPass(resource, props, resolved.value)) return;
  const Node* policy = resolved.value.get("ResourcePolicy");
  // The ResourcePolicy statements SAM writes have checks of their own, not modelled here.
  if (policy && !policy->isNull()) return;
  const Node* usagePlan = resolved.value.get("UsagePlan");
  if (!usagePlan || usagePlan->isNull()) return;
  const Node* source = authSource(templ, resource, "UsagePlan");
  auto reject = [&](std::string message) {
    out.push_back(authProblem("api-usage-plan-invalid", std::move(message), source, true));
  };
  if (!usagePlan->isMapping()) return reject("'UsagePlan' must be a dictionary");
  for (const MapEntry& entry : usagePlan->entries()) {
    static constexpr std::string_view kFields[] = {
        "CreateUsagePlan", "Description", "Quota", "Tags", "Throttle", "UsagePlanName"};
    bool known = false;
    for (std::string_view field : kFields) known = known || entry.key.text() == field;
    if (!known) return reject("Invalid property for 'UsagePlan'");
  }
  const Node* kind = usagePlan->get("CreateUsagePlan");
  if (!kind || kind->isNull())
    return reject("'CreateUsagePlan' is a required field for UsagePlan.");
  if (!kind->isString("SHARED") && !kind->isString("PER_API") && !kind->isString("NONE"))
    return reject("'CreateUsagePlan' accepts one of ['SHARED', 'PER_API', 'NONE'].");
}

}  // namespace samshift::sam
