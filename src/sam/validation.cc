#include "sam/validation.h"

#include <algorithm>

#include "model/intrinsics.h"
#include "sam/api_domain_validation.h"
#include "sam/api_policy_validation.h"
#include "sam/api_route_claims.h"
#include "sam/api_v2_domain_validation.h"
#include "sam/api_validation.h"
#include "sam/application.h"
#include "sam/capacity_provider_validation.h"
#include "sam/connectors.h"
#include "sam/deployment_model.h"
#include "sam/function_properties.h"
#include "sam/function_property_types.h"
#include "sam/function_url_validation.h"
#include "sam/generated_resources.h"
#include "sam/globals.h"
#include "sam/graphql_api.h"
#include "sam/http_api_auth.h"
#include "sam/http_api_validation.h"
#include "sam/layer.h"
#include "sam/local_artifacts.h"
#include "sam/policies.h"
#include "sam/problem_codes.h"
#include "sam/pull_events.h"
#include "sam/push_events.h"
#include "sam/simple_table.h"
#include "sam/state_machine_validation.h"
#include "sam/template_index.h"
#include "sam/websocket_api.h"

namespace samshift::sam {

using model::Node;

namespace {

SamProblem problem(std::string code, std::string message, const Node* node,
                   bool resourcePrefix = true, std::string subjectId = {}) {
  return SamProblem{std::move(code), std::move(message), node, resourcePrefix,
                    std::move(subjectId)};
}

bool isOneKeyMap(const Node& node) { return node.isMapping() && node.entries().size() == 1; }

// SAM's alias pattern (?!^[0-9]+$)([a-zA-Z0-9-_]+)$ as two checks (no look-ahead needed).
bool validAliasName(const std::string& name) {
  bool allDigits = !name.empty();
  for (char c : name) {
    bool alnum = isalnum(static_cast<unsigned char>(c)) != 0;
    if (!alnum && c != '-' && c != '_') return false;
    if (!isdigit(static_cast<unsigned char>(c))) allDigits = false;
  }
  return !name.empty() && !allDigits;
}

const Node* orNode(const Setting& setting, const Node* fallback) {
  return setting.node ? setting.node : fallback;
}

// SAM's _construct_event_invoke_config and _validate_and_inject_resource.
void checkEventInvokeConfig(const Node& config, const Node* source, std::string_view functionId,
                            std::vector<SamProblem>& out) {
  const Node* dest = config.get("DestinationConfig");
  if (!dest || !pythonTruthy(*dest)) return;
  const Node* destSource =
      source && source->isMapping() ? source->get("DestinationConfig") : nullptr;
  if (!destSource) destSource = dest;
  if (!dest->isMapping()) {
    out.push_back(problem("event-invoke-destination-config",
                          "Property 'EventInvokeConfig.DestinationConfig' should be a map.",
                          destSource));
    return;
  }
  for (const char* key : {"OnSuccess", "OnFailure"}) {
    const Node* entry = dest->get(key);
    if (!entry || entry->isNull()) continue;
    const Node* entrySource =
        destSource->isMapping() && destSource->get(key) ? destSource->get(key) : entry;
    if (!entry->isMapping()) {
      out.push_back(problem("event-invoke-destination-config",
                            std::string("Property 'EventInvokeConfig.DestinationConfig.") + key +
                                "' should be a map.",
                            entrySource));
      return;
    }
    const Node* type = entry->get("Type");
    static const std::vector<std::string> kTypes = {"SQS", "SNS", "EventBridge", "Lambda",
                                                    "S3Bucket"};
    if (!type || type->isNull() || !type->isString() ||
        std::find(kTypes.begin(), kTypes.end(), type->text()) == kTypes.end()) {
      // SAM's message shows the value as Python's str() does: None when there is none.
      std::string shown = !type ? "None" : type->isScalar() ? pythonStr(*type) : type->text();
      out.push_back(problem("event-invoke-destination-type",
                            "'Type: " + shown +
                                "' must be one of ['SQS', 'SNS', 'EventBridge', 'Lambda', "
                                "'S3Bucket']",
                            type ? type : entrySource));
      return;
    }
    const Node* destination = entry->get("Destination");
    if (destination) {
      if (auto problem = invokeDestinationIfProblem(*destination, functionId)) {
        out.push_back(std::move(*problem));
        return;
      }
    }
    bool created =
        !destination || destination->isNull() || createsDestinationOnOneBranch(*destination);
    if (type->text() != "SQS" && type->text() != "SNS" && created) {
      out.push_back(problem("event-invoke-destination-required",
                            "Destination is required if Type is not ['SQS', 'SNS']", entrySource));
      return;
    }
  }
}

// Alarms: a list, or an Fn::If of two lists (AWS::NoValue allowed).
void checkAlarms(const Node& alarms, const Node* source, std::vector<SamProblem>& out) {
  if (!pythonTruthy(alarms)) return;
  if (alarms.isIntrinsic() && alarms.intrinsicName() == "Ref" &&
      alarms.intrinsicArgument().isString("AWS::NoValue")) {
    return;
  }
  auto checkList = [&](const Node& list) {
    if (!list.isSequence()) {
      out.push_back(problem("alarms-not-list", "Alarms must be a list", source));
      return false;
    }
    return true;
  };
  if (alarms.isIntrinsic() && alarms.intrinsicName() == "Fn::If") {
    const Node& args = alarms.intrinsicArgument();
    if (!args.isSequence() || args.items().size() != 3) {
      out.push_back(problem("if-arguments", "Fn::If requires 3 arguments", source));
      return;
    }
    if (checkList(args.items()[1])) checkList(args.items()[2]);
    return;
  }
  checkList(alarms);
}

}  // namespace

bool resolutionFails(const std::optional<ResolveFailure>& failure, const Node* node,
                     std::vector<SamProblem>& out) {
  if (!failure) return false;
  if (failure->kind == ResolveFailure::Kind::kSubstitutedNotString) {
    out.push_back(problem("sub-variable-not-string",
                          "Structure of the SAM template is invalid. Invalid Fn::Sub variable "
                          "value " +
                              failure->value + ". Fn::Sub expects all variables to be strings.",
                          node, false));
  } else if (std::optional<SamProblem> findInMap = findInMapProblem(*failure, node)) {
    out.push_back(std::move(*findInMap));
  }
  return true;
}

std::optional<SamProblem> findInMapProblem(const ResolveFailure& failure, const Node* node) {
  if (failure.kind == ResolveFailure::Kind::kFindInMapArguments) {
    return problem("findinmap-arguments",
                   "Structure of the SAM template is invalid. Invalid FindInMap value " +
                       failure.value + ". FindInMap expects an array with 3 values.",
                   node, false);
  }
  if (failure.kind == ResolveFailure::Kind::kFindInMapNotTwoLevel) {
    return problem(
        "findinmap-not-two-level",
        "Structure of the SAM template is invalid. Cannot use Fn::FindInMap on Mapping '" +
            failure.value + "' which is not a a two-level map.",
        node, false);
  }
  return std::nullopt;
}

namespace {

// True when `key` is set to something other than null: SAM's `getattr(self, key) is not None`.
bool given(const Node& props, std::string_view key) {
  const Node* value = props.get(key);
  return value && !value->isNull();
}

// SAM's resources_to_link, event by event in the template's order: the event's Type, then the
// properties its source requires (reported under the event's logical ID). True when it rejects.
bool checkEvents(const model::Template& templ, const model::ResourceView& resource,
                 const Node& props, std::vector<SamProblem>& out) {
  const Node* events = props.get("Events");
  if (!events || !events->isMapping()) return false;
  for (const model::MapEntry& event : events->entries()) {
    const Node* type = event.value.isMapping() ? event.value.get("Type") : nullptr;
    if (!type || !type->isString() || !functionEventType(type->text())) {
      out.push_back(problem("event-type",
                            "Event with id [" + event.key.text() +
                                "] is invalid. Resource dict has missing or invalid value for key "
                                "Type. Event Type is: " +
                                (type ? type->text() : "None") + ".",
                            type ? type : &event.key));
      return true;
    }
    if (auto push = pushEventLinkProblem(
            {templ, resource.id, EventOwner::kFunction, event.key.text(), event.value})) {
      out.push_back(std::move(*push));
      return true;
    }
    // SAM reads the event (Resource.from_dict) as it links it.
    if (auto found = pullEventReadProblem(type->text(), event.value, std::string(resource.id),
                                          event.key.text())) {
      out.push_back(std::move(*found));
      return true;
    }
  }
  return false;
}

// SAM's validate_before_transform for a function: every rule of its __validation_rules__ is
// checked, and SAM rejects with one message that joins their texts with newlines. That message
// goes to the first problem (the one expand reports); lint reports each at its own node.
template <typename Source>
bool checkPropertyRules(const Node& props, const DeploymentModel& model, const Source& source,
                        std::vector<SamProblem>& out) {
  size_t first = out.size();
  bool capacityProvider = given(props, "CapacityProviderConfig");
  if (capacityProvider && given(props, "ProvisionedConcurrencyConfig")) {
    out.push_back(problem(
        "capacity-provider-provisioned-concurrency",
        "Cannot specify 'CapacityProviderConfig' and 'ProvisionedConcurrencyConfig' together.",
        model.provisionedConcurrency.node));
  }
  if (capacityProvider && given(props, "VpcConfig")) {
    out.push_back(problem("capacity-provider-vpc",
                          "Cannot specify 'CapacityProviderConfig' and 'VpcConfig' together.",
                          source("VpcConfig")));
  }
  if (given(props, "FunctionScalingConfig") && !capacityProvider) {
    out.push_back(problem("function-scaling-requires-capacity-provider",
                          "'FunctionScalingConfig' requires 'CapacityProviderConfig'.",
                          source("FunctionScalingConfig")));
  }
  if (given(props, "VersionDeletionPolicy") && !given(props, "AutoPublishAlias")) {
    out.push_back(problem("version-deletion-policy-requires-alias",
                          "'VersionDeletionPolicy' requires 'AutoPublishAlias'.",
                          model.versionDeletionPolicy.node));
  }
  for (size_t i = first + 1; i < out.size(); ++i) out[first].message += "\n" + out[i].message;
  return out.size() != first;
}

// What SAM checks of a DeploymentPreference while it transforms the function (its
// _validate_deployment_preference_and_add_update_policy). False when SAM goes no further.
bool checkDeploymentPreference(const DeploymentModel& model, std::vector<SamProblem>& out) {
  if (!model.deploymentPreference || !pythonTruthy(model.deploymentPreference->merged)) return true;
  const DeploymentPreferenceModel& dp = *model.deploymentPreference;
  // SAM resolves Enabled, Type and PassthroughCondition first.
  if (const Setting* setting = dp.unresolvable()) {
    resolutionFails(setting->unresolvable, setting->node, out);
    return false;
  }
  if (dp.passthroughCondition.present()) {
    const Node& value = dp.passthroughCondition.value;
    bool ok = value.isBool() || value.isString("true") || value.isString("True") ||
              value.isString("false") || value.isString("False") ||
              (value.isInt() && (value.intValue() == 0 || value.intValue() == 1));
    if (!ok) {
      if (value.isIntrinsic()) {
        out.push_back(
            problem("passthrough-condition-intrinsic",
                    "Unsupported intrinsic: the only intrinsic functions supported for property "
                    "PassthroughCondition are FindInMap and parameter Refs.",
                    dp.passthroughCondition.node));
      } else {
        out.push_back(problem("passthrough-condition-value",
                              "Invalid value for property PassthroughCondition.",
                              dp.passthroughCondition.node));
      }
      return false;
    }
  }
  if (!dp.isEnabled()) return true;
  if (!dp.type.present()) {
    out.push_back(problem("deployment-type-missing",
                          "'DeploymentPreference' is missing required Property 'Type'",
                          orNode(dp.type, dp.node)));
    return false;
  }
  if (dp.hooks.present() && !dp.hooks.value.isMapping()) {
    out.push_back(problem("hooks-not-map",
                          "'Hooks' property of 'DeploymentPreference' must be a dictionary",
                          dp.hooks.node));
    return false;
  }
  if (!model.aliasName()) {
    out.push_back(
        problem("deployment-preference-requires-alias",
                "'DeploymentPreference' requires AutoPublishAlias property to be specified.",
                model.autoPublishAlias.present() ? model.autoPublishAlias.node : dp.node));
    return false;
  }
  return true;
}

void checkFunction(const model::Template& templ, const model::ResourceView& resource,
                   const ParameterValues& params, const std::optional<DeploymentModel>& model,
                   const Node& props, std::vector<SamProblem>& out);

// `Policies` as SAM's property type reads it after the policy-template plugin made a list of it:
// strings and maps; a Python-false value the plugin left alone must be a string, list or map.
bool policiesTypeValid(const Node* policies) {
  if (!policies || policies->isNull()) return true;
  if (!pythonTruthy(*policies))
    return policies->isString() || policies->isSequence() || policies->isMapping();
  for (const Node* entry : policyEntries(policies)) {
    if (!entry->isString() && !entry->isMapping()) return false;
  }
  return true;
}

// The template node with the span of a node of a merged copy, so a problem points into the
// template itself. Looked for where the merge copies from, the resource and then Globals, before
// the whole template (a YAML alias): a search from the root for every problem made lint
// quadratic in the number of problems. Any node with that span has the same position.
const Node* templateNodeWithSpan(const model::Template& templ, const model::ResourceView& resource,
                                 core::Span span) {
  for (const Node* scope : {resource.node, templ.globals(), &templ.root()}) {
    if (const Node* found = scope ? findBySpan(*scope, span) : nullptr) return found;
  }
  return nullptr;
}

void validateFunction(const model::Template& templ, const model::ResourceView& resource,
                      const ParameterValues& params, const Node& props,
                      const std::optional<DeploymentModel>& model, const TemplateIndex* index,
                      std::vector<SamProblem>& out) {
  if (!model) return;
  size_t before = out.size();
  checkFunction(templ, resource, params, model, props, out);
  // SAM builds the execution role after everything checkFunction checks.
  if (out.size() == before) {
    for (SamProblem& entry : policyEntryProblems(props.get("Policies")))
      out.push_back(std::move(entry));
  }
  // Then it decides which role the function uses.
  if (const Node* role = props.get("Role"); out.size() == before && role) {
    Resolved resolved = params.resolve(*role);
    if (!resolutionFails(resolved.failure, role, out)) {
      if (auto problem = conditionalRoleProblem(resolved.value, role))
        out.push_back(std::move(*problem));
    }
  }
  // SAM builds the events last.
  if (out.size() == before) {
    if (auto problem = pushEventsBuildProblem(templ, resource, props, EventOwner::kFunction, index))
      out.push_back(std::move(*problem));
  }
  // Checks may name nodes of the merged copies, which die with them: re-point them at the template.
  for (size_t i = before; i < out.size(); ++i) {
    const Node* node = out[i].node;
    out[i].node = node && node->span().known() ? templateNodeWithSpan(templ, resource, node->span())
                                               : nullptr;
  }
}

void checkFunction(const model::Template& templ, const model::ResourceView& resource,
                   const ParameterValues& params, const std::optional<DeploymentModel>& model,
                   const Node& props, std::vector<SamProblem>& out) {
  auto source = [&](std::string_view key) {
    const Node* node = propertySource(templ, resource, key);
    return node ? node : resource.idNode;
  };
  // The policy-template plugin runs before SAM reads any property.
  if (std::vector<SamProblem> policies = policyProblems(props.get("Policies")); !policies.empty()) {
    out.push_back(std::move(policies[0]));
    return;
  }
  // SAM sets each property on the resource, refusing those it does not declare.
  if (auto undeclared = undeclaredPropertyProblem(props, resource.properties, resource.type)) {
    out.push_back(std::move(*undeclared));
    return;
  }
  // Parse-time property types, in SAM's declaration order.
  if (auto declared = declaredTypeProblem(props, source)) {
    out.push_back(std::move(*declared));
    return;
  }
  if (!policiesTypeValid(props.get("Policies"))) {
    out.push_back(
        problem("policies-type", "Type of property 'Policies' is invalid.", source("Policies")));
    return;
  }
  if (model->autoPublishAlias.present()) {
    const Node& raw = *model->autoPublishAlias.node;
    if (!raw.isString() && !isOneKeyMap(raw)) {
      out.push_back(problem("alias-type", "Type of property 'AutoPublishAlias' is invalid.",
                            raw.isNull() ? nullptr : &raw));
      out.back().node = model->autoPublishAlias.node;
      return;
    }
  }
  if (model->codeSha256.present()) {
    const Node& raw = *model->codeSha256.node;
    if (!raw.isString() && !isOneKeyMap(raw)) {
      out.push_back(problem("code-sha256-type",
                            "Type of property 'AutoPublishCodeSha256' is invalid.", &raw));
      return;
    }
  }
  if (model->allProperties.present() && !model->allProperties.value.isBool()) {
    out.push_back(problem("all-properties-type",
                          "Type of property 'AutoPublishAliasAllProperties' is invalid.",
                          model->allProperties.node));
    return;
  }
  if (model->versionDeletionPolicy.present()) {
    const Node& value = model->versionDeletionPolicy.value;
    if (!value.isString("Delete") && !value.isString("Retain") && !isOneKeyMap(value)) {
      out.push_back(problem(
          "version-deletion-policy",
          "Property 'VersionDeletionPolicy' should be a one of the strings: 'Delete' or 'Retain'.",
          model->versionDeletionPolicy.node));
      return;
    }
  }
  if (model->deploymentPreference && !model->deploymentPreference->merged.isMapping()) {
    out.push_back(problem("deployment-preference-map",
                          "Property 'DeploymentPreference' should be a map.",
                          model->deploymentPreference->node));
    return;
  }
  // SAM links each event (its Type, then what its source requires) before it transforms the
  // function, and then checks the function's property rules.
  if (checkEvents(templ, resource, props, out)) return;
  if (checkPropertyRules(props, *model, source, out)) return;
  if (auto dlq = deadLetterQueueProblem(props.get("DeadLetterQueue"), source("DeadLetterQueue"))) {
    out.push_back(std::move(*dlq));
    return;
  }
  bool hasPc =
      model->provisionedConcurrency.present() && !model->provisionedConcurrency.value.isNull();
  if (props.has("TenancyConfig") && hasPc) {
    out.push_back(problem("tenancy-provisioned-concurrency",
                          "Provisioned concurrency is not supported for functions enabled with "
                          "tenancy configuration.",
                          model->provisionedConcurrency.node));
    return;
  }
  if (props.has("TenancyConfig")) {
    if (props.has("FunctionUrlConfig")) {
      out.push_back(
          problem("tenancy-function-url",
                  "Function URL is not supported for functions enabled with tenancy configuration.",
                  source("FunctionUrlConfig")));
      return;
    }
    if (props.has("SnapStart")) {
      out.push_back(
          problem("tenancy-snapstart",
                  "SnapStart is not supported for functions enabled with tenancy configuration.",
                  source("SnapStart")));
      return;
    }
    if (const Node* events = props.get("Events"); events && events->isMapping()) {
      for (const model::MapEntry& event : events->entries()) {
        const Node* type = event.value.get("Type");
        if (type && type->isString() && !type->isString("Api") && !type->isString("HttpApi")) {
          out.push_back(problem("tenancy-event-source",
                                "Event source '" + type->text() +
                                    "' is not supported for functions enabled with tenancy "
                                    "configuration. Only Api and "
                                    "HttpApi event sources are supported.",
                                type));
          return;
        }
      }
    }
  }
  // The function body: code location, role and layer types, runtime and handler.
  if (const Node* role = props.get("Role"); role && !role->isString() && !role->isIntrinsic()) {
    out.push_back(problem("role-type", "Property 'Role' should be a string.", source("Role")));
    return;
  }
  if (const Node* layers = props.get("Layers"); layers && !layers->isSequence()) {
    out.push_back(
        problem("layers-type", "Type of property 'Layers' is invalid.", source("Layers")));
    return;
  }
  const Node* packageType = props.get("PackageType");
  bool zip = !packageType || !pythonTruthy(*packageType) || packageType->isString("Zip");
  if (auto code = packageCodeProblem(props, resource.idNode)) {
    out.push_back(std::move(*code));
    // `sam build` writes an Image function's ImageUri, as `sam package` a Zip one's CodeUri.
    if (out.back().code != "image-uri-missing") return;
  }
  // SAM builds the code before it checks Runtime and Handler. A function without code is what
  // `sam package` gives the template's directory as code; what SAM finds next is what the
  // deploy meets.
  if (zip && !given(props, "InlineCode") && !given(props, "CodeUri")) {
    out.push_back(problem("code-missing", "Only one of 'InlineCode' or 'CodeUri' can be set.",
                          resource.idNode));
  }
  if (const Node* codeUri = props.get("CodeUri");
      zip && codeUri && codeUri->isMapping() && !given(props, "InlineCode") &&
      (!codeUri->has("Bucket") || !pythonTruthy(*codeUri->get("Bucket")) || !codeUri->has("Key") ||
       !pythonTruthy(*codeUri->get("Key")))) {
    out.push_back(problem("code-uri-location",
                          "'CodeUri' requires Bucket and Key properties to be specified.",
                          source("CodeUri")));
    return;
  }
  if (const Node* codeUri = props.get("CodeUri");
      zip && codeUri && codeUri->isString() && !props.has("InlineCode")) {
    const std::string& uri = codeUri->text();
    if (uri.find("{{resolve:") != std::string::npos) {
      out.push_back(
          problem("code-uri-dynamic-reference",
                  "Unsupported dynamic reference detected in 'CodeUri'. Please consider using "
                  "alternative 'FunctionCode' object format.",
                  source("CodeUri")));
      return;
    }
    size_t slash = uri.find('/', 5);
    bool bracket = uri.find_first_of("[]") != std::string::npos;
    if (uri.rfind("s3://", 0) != 0 || slash == std::string::npos || slash == 5 ||
        slash + 1 >= uri.size() || bracket) {
      // A path without a scheme is what `sam package` uploads and replaces with an S3 URI; what
      // SAM finds next is what the deploy meets.
      bool local = localArtifactPath(*codeUri);
      out.push_back(problem(local ? "code-uri-local" : "code-uri",
                            "'CodeUri' is not a valid S3 Uri of the form 's3://bucket/key' with "
                            "optional versionId query parameter.",
                            source("CodeUri")));
      if (!local) return;
    }
  }
  // SAM builds the function's tag list after its code.
  if (auto tag = reservedTagProblem(props.get("Tags"))) {
    out.push_back(std::move(*tag));
    return;
  }
  if (zip && (!props.has("Runtime") || !props.has("Handler") ||
              !pythonTruthy(*props.get("Runtime")) || !pythonTruthy(*props.get("Handler")))) {
    out.push_back(
        problem("runtime-handler",
                "Runtime and Handler needs to be present when PackageType is of type `Zip`",
                resource.idNode));
    return;
  }
  if (auto packageTypeRule = packageTypeProblem(props, resource.idNode)) {
    out.push_back(std::move(*packageTypeRule));
    return;
  }
  bool aliasRaw = model->autoPublishAlias.present() && pythonTruthy(*model->autoPublishAlias.node);
  if (hasPc && pythonTruthy(model->provisionedConcurrency.value) && !aliasRaw) {
    out.push_back(problem(
        "provisioned-concurrency-requires-alias",
        "To set ProvisionedConcurrencyConfig AutoPublishALias must be defined on the function",
        model->provisionedConcurrency.node));
    return;
  }
  // SAM resolves the alias here; a resolution that cannot end is the transform failing, not a
  // rejection (the deployment model keeps why, for expand and the rules to say).
  if (aliasRaw &&
      resolutionFails(model->autoPublishAlias.unresolvable, model->autoPublishAlias.node, out))
    return;
  if (aliasRaw && !model->autoPublishAlias.value.isString()) {
    out.push_back(problem("alias-not-string",
                          "'AutoPublishAlias' must be a string or a Ref to a template parameter",
                          model->autoPublishAlias.node));
    return;
  }
  bool sha256 = aliasRaw && model->codeSha256.present() && pythonTruthy(*model->codeSha256.node);
  if (sha256 && resolutionFails(model->codeSha256.unresolvable, model->codeSha256.node, out))
    return;
  if (sha256 && !model->codeSha256.value.isString()) {
    out.push_back(problem("code-sha256-not-string", "AutoPublishCodeSha256 must be a string",
                          model->codeSha256.node));
    return;
  }
  if (aliasRaw && model->codeSha256.present() && pythonTruthy(*model->codeSha256.node)) {
    // SAM names the version `<Function>Version` + the first 10 characters of the hash before it
    // looks at the alias name.
    std::string versionId =
        std::string(resource.id) + "Version" + model->codeSha256.value.text().substr(0, 10);
    if (!validLogicalId(versionId)) {
      out.push_back(problem("version-logical-id", "Logical ids must be alphanumeric.",
                            model->codeSha256.node, true, versionId));
      return;
    }
  }
  if (aliasRaw) {
    const std::string& name = model->autoPublishAlias.value.text();
    if (name.empty()) {
      out.push_back(problem("alias-name-required", "Alias name is required to create an alias",
                            model->autoPublishAlias.node));
      return;
    }
    if (!validAliasName(name)) {
      out.push_back(problem(
          "alias-name-invalid",
          "AutoPublishAlias name ('" + name +
              "') must contain only alphanumeric characters, hyphens, or underscores matching "
              "(?!^[0-9]+$)([a-zA-Z0-9-_]+) pattern.",
          model->autoPublishAlias.node));
      return;
    }
  }
  if (const Node* url = props.get("FunctionUrlConfig")) {
    if (auto problem = functionUrlProblem(*url, source("FunctionUrlConfig"))) {
      out.push_back(std::move(*problem));
      return;
    }
  }
  if (!checkDeploymentPreference(*model, out)) return;
  if (const Node* config = props.get("EventInvokeConfig"); config && config->isMapping()) {
    // SAM reads it with parameters resolved; one that cannot end is the transform failing.
    Resolved resolved = params.resolve(*config);
    if (resolutionFails(resolved.failure, propertySource(templ, resource, "EventInvokeConfig"),
                        out))
      return;
    size_t before = out.size();
    checkEventInvokeConfig(resolved.value, propertySource(templ, resource, "EventInvokeConfig"),
                           resource.id, out);
    // The nodes of the resolved copy die with it.
    for (size_t i = before; i < out.size(); ++i) {
      const Node* node = out[i].node;
      out[i].node = node && node->span().known()
                        ? templateNodeWithSpan(templ, resource, node->span())
                        : nullptr;
    }
    if (out.size() != before) return;
  }
  // SAM transforms the events last, in its order_events order.
  if (auto found = pullEventsTransformProblem(props, std::string(resource.id))) {
    out.push_back(std::move(*found));
    return;
  }
  // SAM reads the alarms last, when it builds the deployment groups.
  const std::optional<DeploymentPreferenceModel>& dp = model->deploymentPreference;
  if (dp && pythonTruthy(dp->merged) && dp->isEnabled() && dp->alarms.present())
    checkAlarms(dp->alarms.value, dp->alarms.node, out);
}

void validateStateMachine(const model::Template& templ, const model::ResourceView& resource,
                          const Node& props, const std::optional<DeploymentModel>& model,
                          std::vector<SamProblem>& out) {
  if (!model) return;
  // The policy-template plugin runs before SAM reads any property.
  std::vector<SamProblem> policies = policyProblems(resource.property("Policies"));
  if (!policies.empty()) {
    out.push_back(std::move(policies[0]));
    return;
  }
  if (checkStateMachineProperties(templ, resource, props, out)) return;
  if (auto problem = stateMachineEventsLinkProblem(templ, resource)) {
    out.push_back(std::move(*problem));
    return;
  }
  bool alias = model->autoPublishAlias.present() && pythonTruthy(model->autoPublishAlias.value);
  if (model->useAliasAsEventTarget.present() && pythonTruthy(model->useAliasAsEventTarget.value) &&
      !alias) {
    out.push_back(
        problem("alias-event-target-requires-alias",
                "'UseAliasAsEventTarget' requires 'AutoPublishAlias' property to be specified.",
                model->useAliasAsEventTarget.node));
    return;
  }
  if (!alias && model->deploymentPreference && pythonTruthy(model->deploymentPreference->merged)) {
    out.push_back(
        problem("state-machine-preference-requires-alias",
                "'DeploymentPreference' requires 'AutoPublishAlias' property to be specified.",
                model->deploymentPreference->node));
    return;
  }
  // SAM appends the name unchanged to the alias's logical ID (for a function it cleans it first).
  if (alias && model->autoPublishAlias.value.isString()) {
    std::string aliasId = std::string(resource.id) + "Alias" + model->autoPublishAlias.value.text();
    if (!validLogicalId(aliasId)) {
      out.push_back(problem("state-machine-alias-logical-id", "Logical ids must be alphanumeric.",
                            model->autoPublishAlias.node, true, aliasId));
      return;
    }
  }
  // SAM builds the events last.
  if (resource.properties) {
    if (auto problem = pushEventsBuildProblem(templ, resource, *resource.properties,
                                              EventOwner::kStateMachine))
      out.push_back(std::move(*problem));
  }
}

// True when SAM stops at one of the problems: not at those packaging resolves (a local CodeUri),
// which leave the checks that follow to say what the deploy meets.
bool stops(const std::vector<SamProblem>& problems) {
  return std::any_of(problems.begin(), problems.end(), [](const SamProblem& problem) {
    const ProblemCode* code = findProblemCode(problem.code);
    return !code || code->concern != ProblemConcern::kPackaging;
  });
}

// The generated resources whose logical ID the template already uses. SAM looks at them once the
// resource is transformed, so only when it has no other problem, and reports each one.
void checkGeneratedIds(const model::Template& templ, const model::ResourceView& resource,
                       const Node& props, const std::optional<DeploymentModel>& model,
                       std::vector<SamProblem>& out) {
  std::string id(resource.id);
  for (const GeneratedResource& generated : generatedResources(templ, resource, props, model)) {
    const model::ResourceView* existing = templ.resource(generated.logicalId);
    if (!existing || existing == &resource || mayReplace(generated.type, existing->type)) continue;
    out.push_back(problem(
        "duplicate-logical-id",
        "Transforming resource with id [" + id + "] attempts to create a new resource with id [" +
            generated.logicalId + "] and type \"" + std::string(generated.type) +
            "\". A resource with that id already exists within this template. Please use a "
            "different id for that resource.",
        existing->idNode, false, id));
  }
}

// Whether the resource has an Api or HttpApi event, which may integrate a method another event has.
bool hasApiEvent(const model::ResourceView& resource) {
  const Node* events = resource.property("Events");
  if (!events || !events->isMapping()) return false;
  for (const model::MapEntry& entry : events->entries()) {
    const Node* type = entry.value.isMapping() ? entry.value.get("Type") : nullptr;
    if (type && (type->isString("Api") || type->isString("HttpApi"))) return true;
  }
  return false;
}

// The problems of the resource itself, without its embedded connectors.
std::vector<SamProblem> validateOwnResource(const model::Template& templ,
                                            const model::ResourceView& resource,
                                            const ParameterValues& params,
                                            const Node* mergedProperties,
                                            const std::optional<DeploymentModel>* deploymentModel,
                                            const TemplateIndex* index, bool checkRoutes = true) {
  std::vector<SamProblem> out;
  // validateSamTemplate reports it: SAM stops the whole template there.
  if (resource.isServerless() && resource.properties && !resource.properties->isMapping())
    return out;
  // SAM checks the IDs of the resources it transforms; CloudFormation checks the others.
  if (resource.isServerless() && !validLogicalId(resource.id)) {
    out.push_back(problem("logical-id", "Logical ids must be alphanumeric.", resource.idNode));
    return out;
  }
  if (resource.type == "AWS::Serverless::Connector")
    return connectorProblems(templ, resource, params);
  if (resource.type == "AWS::Serverless::LayerVersion") {
    validateLayer(templ, resource, params, out);
    for (SamProblem& problem : out) {
      if (!problem.node) problem.node = resource.idNode;
    }
    return out;
  }
  bool application = resource.type == "AWS::Serverless::Application";
  bool graphQL = resource.type == "AWS::Serverless::GraphQLApi";
  if (resource.type == "AWS::Serverless::SimpleTable" || application || graphQL) {
    Node merged = propertiesWithGlobals(templ, resource);
    if (application) {
      validateApplication(templ, resource, params, merged, out);
    } else if (graphQL) {
      validateGraphQLApi(templ, resource, merged, out);
    } else {
      validateSimpleTable(templ, resource, merged, out);
    }
    for (SamProblem& problem : out) {
      if (!problem.node) problem.node = resource.idNode;
    }
    return out;
  }
  if (resource.type == "AWS::Serverless::Api") {
    Node merged = mergedProperties ? *mergedProperties : propertiesWithGlobals(templ, resource);
    validateApi(templ, resource, merged, out);
    if (out.empty()) validateApiResourcePolicy(templ, resource, merged, params, out);
    if (out.empty()) validateApiDomain(templ, resource, merged, params, out);
    if (out.empty()) validateApiUsagePlan(templ, resource, merged, params, out);
    for (SamProblem& problem : out) {
      if (!problem.node) problem.node = resource.idNode;
    }
    return out;
  }
  if (resource.type == "AWS::Serverless::HttpApi") {
    // Problems of the Auth may point into the merged copy: re-pointed while it lives.
    HttpApiInput input = httpApiInput(templ, resource, params);
    validateHttpApi(templ, resource, input, out);
    for (SamProblem& problem : out) {
      const Node* node = problem.node;
      problem.node = node && node->span().known()
                         ? templateNodeWithSpan(templ, resource, node->span())
                         : nullptr;
      if (!problem.node) problem.node = resource.idNode;
    }
    if (out.empty())
      validateHttpApiDomain(templ, resource, propertiesWithGlobals(templ, resource), params, out);
    return out;
  }
  if (resource.type == "AWS::Serverless::WebSocketApi") {
    validateWebSocketApi(templ, resource, webSocketApiInput(templ, resource, params), out);
    for (SamProblem& problem : out) {
      if (!problem.node) problem.node = resource.idNode;
    }
    return out;
  }
  bool function = resource.type == "AWS::Serverless::Function";
  if (resource.type == "AWS::Serverless::CapacityProvider") {
    Node merged = propertiesWithGlobals(templ, resource);
    if (auto undeclared = undeclaredPropertyProblem(merged, resource.properties, resource.type)) {
      // The node of the merged copy dies with it.
      const Node* key = undeclared->node;
      undeclared->node = key->span().known() ? templateNodeWithSpan(templ, resource, key->span())
                                             : resource.idNode;
      out.push_back(std::move(*undeclared));
      return out;
    }
    validateCapacityProvider(templ, resource, merged, out);
    for (SamProblem& problem : out) {
      if (!problem.node) problem.node = resource.idNode;
    }
    return out;
  }
  if (!function && resource.type != "AWS::Serverless::StateMachine") return out;
  Node computed;
  const Node& props =
      mergedProperties ? *mergedProperties : (computed = propertiesWithGlobals(templ, resource));
  std::optional<DeploymentModel> read;
  const std::optional<DeploymentModel>& model =
      deploymentModel ? *deploymentModel
                      : (read = readDeploymentModel(templ, resource, params, &props));
  if (function) {
    validateFunction(templ, resource, params, props, model, index, out);
  } else {
    validateStateMachine(templ, resource, props, model, out);
  }
  if (checkRoutes && out.empty() && hasApiEvent(resource)) {
    std::optional<ApiRouteClaims> built;
    const ApiRouteClaims& claims = index ? index->apiRoutes() : built.emplace(templ);
    if (auto taken = claims.problemOf(resource)) {
      // SAM builds no event of a resource it stopped before them: then the method was free. Any
      // problem of the one that took it leaves the answer unknown, and nothing is reported.
      const model::ResourceView* claimant = claims.claimantOf(resource);
      if (claimant == &resource ||
          (claimant &&
           validateOwnResource(templ, *claimant, params, nullptr, nullptr, nullptr, false).empty()))
        out.push_back(std::move(*taken));
    }
  }
  if (!stops(out)) checkGeneratedIds(templ, resource, props, model, out);
  for (SamProblem& problem : out) {
    if (!problem.node) problem.node = resource.idNode;
  }
  return out;
}

}  // namespace

const Node* findBySpan(const Node& node, core::Span span) {
  if (node.span() == span) return &node;
  for (const model::MapEntry& entry : node.entries()) {
    if (entry.key.span() == span) return &entry.key;
    if (const Node* found = findBySpan(entry.value, span)) return found;
  }
  for (const Node& item : node.items()) {
    if (const Node* found = findBySpan(item, span)) return found;
  }
  return nullptr;
}

std::vector<SamProblem> validateSamResource(const model::Template& templ,
                                            const model::ResourceView& resource,
                                            const ParameterValues& params,
                                            const Node* mergedProperties,
                                            const std::optional<DeploymentModel>* deploymentModel,
                                            const TemplateIndex* index) {
  std::vector<SamProblem> out =
      validateOwnResource(templ, resource, params, mergedProperties, deploymentModel, index);
  for (SamProblem& problem : embeddedConnectorProblems(templ, resource, params))
    out.push_back(std::move(problem));
  return out;
}

OwnTransform ownTransform(const model::Template& templ, const model::ResourceView& resource,
                          const ParameterValues& params) {
  OwnTransform outcome = OwnTransform::kTransformed;
  for (const SamProblem& problem :
       validateOwnResource(templ, resource, params, nullptr, nullptr, nullptr)) {
    const ProblemCode* code = findProblemCode(problem.code);
    if (code && code->scope == ProblemScope::kGenerated) continue;
    if (!code || code->concern != ProblemConcern::kPackaging) return OwnTransform::kFails;
    outcome = OwnTransform::kFailsUntilPackaged;
  }
  return outcome;
}

// The translator's groups (_get_resources_to_iterate): functions, state machines, APIs, the
// rest, connectors.
int transformRank(std::string_view type) {
  if (type == "AWS::Serverless::Function") return 0;
  if (type == "AWS::Serverless::StateMachine") return 1;
  if (type == "AWS::Serverless::Api" || type == "AWS::Serverless::HttpApi" ||
      type == "AWS::Serverless::WebSocketApi")
    return 2;
  if (type == "AWS::Serverless::Connector") return 4;
  return 3;
}

bool translatedAfterApis(std::string_view type) { return transformRank(type) > 2; }

std::vector<const model::ResourceView*> transformOrder(const model::Template& templ) {
  auto rank = transformRank;
  std::vector<const model::ResourceView*> order;
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.isServerless()) order.push_back(&resource);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](const auto* a, const auto* b) { return rank(a->type) < rank(b->type); });
  return order;
}

bool validLogicalId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

namespace {

// The problem is SAM's "'DefinitionBody' does not contain a valid Swagger (OpenApi) definition"
// on an API whose DefinitionBody is an `Fn::Transform` (an AWS::Include): CloudFormation runs the
// macros inside the template before the ones of its Transform section, so SAM edits the document
// the include brings, which lint cannot read (docs/sam-semantics.md §2.8).
bool includedDefinitionBody(const model::Template& templ, const SamProblem& problem) {
  if (!problem.node || !problem.node->span().known() ||
      problem.message.find("does not contain a valid") == std::string::npos)
    return false;
  core::Span at = problem.node->span();
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type != "AWS::Serverless::Api" && resource.type != "AWS::Serverless::HttpApi")
      continue;
    const Node* body = resource.property("DefinitionBody");
    if (!body || !body->isMapping() || !body->has("Fn::Transform")) continue;
    core::Span whole = resource.node ? resource.node->span() : core::Span{};
    if (whole.known() && whole.begin <= at.begin && at.end <= whole.end) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string_view> settledBeforeDeploy(const model::Template& templ,
                                                    const SamProblem& problem, bool packaged) {
  if (includedDefinitionBody(templ, problem))
    return "CloudFormation includes the `DefinitionBody` before the SAM transform reads it";
  if (problem.code == "image-uri-missing") {
    // `sam build` writes the ImageUri of an image it builds from a Dockerfile (and only then).
    for (const model::ResourceView& resource : templ.resources()) {
      if (resource.idNode == problem.node && resource.node &&
          imageBuiltFromDockerfile(*resource.node))
        return "`sam build` builds the image from its Dockerfile and writes its ImageUri";
    }
  }
  const ProblemCode* code = findProblemCode(problem.code);
  if (code && code->concern == ProblemConcern::kPackaging) {
    if (!packaged) return std::nullopt;
    return "`sam package` replaces the value before the transform reads it";
  }
  auto name = problem.node ? model::refName(*problem.node) : std::nullopt;
  const Node* parameter = name ? templ.parameter(*name) : nullptr;
  if (parameter && !parameter->get("Default"))
    return "a parameter without a Default gets its value at deploy time";
  return std::nullopt;
}

std::string samMessage(const SamProblem& problem, std::string_view logicalId) {
  if (!problem.resourcePrefix) return problem.message;
  std::string id = problem.subjectId.empty() ? std::string(logicalId) : problem.subjectId;
  return "Resource with id [" + id + "] is invalid. " + problem.message;
}

}  // namespace samshift::sam
