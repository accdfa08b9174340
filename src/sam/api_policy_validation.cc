#include "sam/api_policy_validation.h"

#include <optional>
#include <string>
#include <string_view>

#include "sam/api_domain_validation.h"
#include "sam/deployment_model.h"
#include "sam/globals.h"

namespace samshift::sam {

using model::MapEntry;
using model::Node;

namespace {

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

constexpr const char* kStructure = "Structure of the SAM template is invalid. ";

// _add_auth's checks of a truthy, resolved ResourcePolicy, which stop the whole transform: it
// must be a map (an intrinsic is one), and SwaggerEditor.add_resource_policy wants each of
// SourceVpcBlacklist and SourceVpcWhitelist a list of strings
// (_validate_list_property_is_resolved). `unknown` when SAM may stop earlier there: the other
// statements a policy writes first, a list that is not a list.
std::optional<SamProblem> resourcePolicyProblem(const Node& policy, const Node* source,
                                                bool& unknown) {
  if (!policy.isMapping()) {
    return authProblem(
        "api-resource-policy-invalid",
        std::string(kStructure) + "ResourcePolicy must be a map " + "(ResourcePolicyStatement).",
        source, false);
  }
  for (const MapEntry& entry : policy.entries()) {
    if (entry.key.text() != "SourceVpcBlacklist" && entry.key.text() != "SourceVpcWhitelist") {
      unknown = true;
      return std::nullopt;
    }
  }
  for (const char* key : {"SourceVpcBlacklist", "SourceVpcWhitelist"}) {
    const Node* list = policy.get(key);
    if (!list || list->isNull()) continue;
    if (!list->isSequence()) {
      unknown = true;
      return std::nullopt;
    }
    for (const Node& item : list->items()) {
      if (item.isString()) continue;
      std::string intrinsicKey = std::string("IntrinsicVpc") + (key + 9);  // Blacklist/Whitelist
      return authProblem("api-resource-policy-invalid",
                         std::string(kStructure) + key + " must be a list of strings. Use " +
                             intrinsicKey + " instead for values that use Intrinsic Functions",
                         source, false);
    }
  }
  return std::nullopt;
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
  bool unknown = false;
  if (!truthy(policy)) return;
  // The problem points at the policy as written, not into the resolved copy.
  if (auto problem =
          resourcePolicyProblem(*policy, authSource(templ, resource, "ResourcePolicy"), unknown))
    out.push_back(std::move(*problem));
}

std::optional<SamProblem> implicitApiResourcePolicyProblem(const model::Template& templ,
                                                           const ParameterValues& params) {
  const Node* globals = templ.root().get("Globals");
  const Node* api = globals && globals->isMapping() ? globals->get("Api") : nullptr;
  // Only `Auth: {ResourcePolicy: …}` in `Globals: Api`, so nothing else of the API fails first.
  if (!api || !api->isMapping() || api->entries().size() != 1) return std::nullopt;
  const Node* auth = api->get("Auth");
  if (!auth || !auth->isMapping() || auth->isIntrinsic() || auth->entries().size() != 1)
    return std::nullopt;
  const Node* written = auth->get("ResourcePolicy");
  if (!truthy(written) || !implicitRestApiMade(templ)) return std::nullopt;
  // Where the implicit API comes among explicit ones in the translator's walk is not modelled.
  for (const model::ResourceView& resource : templ.resources()) {
    if (transformRank(resource.type) == 2) return std::nullopt;
  }
  Resolved resolved = params.resolve(*written);
  if (resolved.failure || !pythonTruthy(resolved.value)) return std::nullopt;
  bool unknown = false;
  std::optional<SamProblem> problem = resourcePolicyProblem(resolved.value, written, unknown);
  if (!problem) return std::nullopt;
  problem->subjectId = "ServerlessRestApi";
  return problem;
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
