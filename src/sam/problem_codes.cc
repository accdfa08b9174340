#include "sam/problem_codes.h"

#include <array>

namespace samshift::sam {

namespace {

// Each code's scope, and what it concerns (sam/problem_codes.h).
constexpr ProblemCode templateLevel(std::string_view code, std::string_view what) {
  return {code, ProblemScope::kTemplate, what, ProblemConcern::kTransform};
}
constexpr ProblemCode resource(std::string_view code, std::string_view what) {
  return {code, ProblemScope::kResource, what, ProblemConcern::kTransform};
}
constexpr ProblemCode deployment(std::string_view code, std::string_view what) {
  return {code, ProblemScope::kResource, what, ProblemConcern::kDeployment};
}
constexpr ProblemCode packaging(std::string_view code, std::string_view what) {
  return {code, ProblemScope::kResource, what, ProblemConcern::kPackaging};
}
constexpr ProblemCode generated(std::string_view code, std::string_view what) {
  return {code, ProblemScope::kGenerated, what, ProblemConcern::kTransform};
}

constexpr std::array kCodes = {
    templateLevel("globals-invalid", "`Globals` is not a non-empty mapping"),
    templateLevel("globals-unsupported-type", "a `Globals` section SAM does not know"),
    templateLevel("globals-unsupported-property",
                  "a key SAM does not take from `Globals.Function` or `Globals.CapacityProvider`"),
    templateLevel("resources-required", "`Resources` is missing, empty or not a mapping"),
    templateLevel("resource-not-object", "a resource is not a mapping"),
    templateLevel("mappings-not-object", "`Mappings` is null or not a mapping"),
    templateLevel("sub-variable-not-string",
                  "an `Fn::Sub` variable SAM resolves whose value is not a string"),
    templateLevel("properties-not-map", "a serverless resource's `Properties` is not a mapping"),
    resource("logical-id", "a serverless resource's logical ID is not alphanumeric"),
    deployment("alias-type", "`AutoPublishAlias` is neither a string nor a one-key mapping"),
    deployment("code-sha256-type",
               "`AutoPublishCodeSha256` is neither a string nor a one-key mapping"),
    deployment("all-properties-type", "`AutoPublishAliasAllProperties` is not a boolean"),
    deployment("version-deletion-policy", "`VersionDeletionPolicy` is not Delete or Retain"),
    deployment("deployment-preference-map", "`DeploymentPreference` is not a mapping"),
    deployment("version-deletion-policy-requires-alias",
               "`VersionDeletionPolicy` without `AutoPublishAlias`"),
    deployment("capacity-provider-provisioned-concurrency",
               "`ProvisionedConcurrencyConfig` with `CapacityProviderConfig`"),
    resource("capacity-provider-vpc", "`VpcConfig` with `CapacityProviderConfig`"),
    resource("function-scaling-requires-capacity-provider",
             "`FunctionScalingConfig` without `CapacityProviderConfig`"),
    deployment("tenancy-provisioned-concurrency",
               "`ProvisionedConcurrencyConfig` with `TenancyConfig`"),
    resource("event-type", "an event without a `Type` SAM knows"),
    resource("tenancy-function-url", "`FunctionUrlConfig` with `TenancyConfig`"),
    resource("tenancy-snapstart", "`SnapStart` with `TenancyConfig`"),
    resource("tenancy-event-source", "an event other than Api or HttpApi with `TenancyConfig`"),
    resource("role-type", "`Role` is neither a string nor an intrinsic"),
    resource("policies-type", "`Policies` holds something other than strings and mappings"),
    resource("policy-entry-invalid",
             "a `Policies` entry that is neither a managed policy, a policy document nor a SAM "
             "policy template"),
    resource("policy-template-values",
             "a SAM policy template's parameter values are not a mapping"),
    resource("policy-template-parameters", "a SAM policy template without a required parameter"),
    templateLevel("policy-if", "an `Fn::If` in `Policies` mixing kinds of policy"),
    resource("layers-type", "`Layers` is not a list"),
    resource("code-uri-location", "`CodeUri` is a mapping without Bucket and Key"),
    resource("code-uri-dynamic-reference", "`CodeUri` has a dynamic reference"),
    resource("code-uri", "`CodeUri` is a URI that is not s3://bucket/key"),
    packaging("code-uri-local", "`CodeUri` is a local path"),
    packaging("code-missing", "a Zip function without `CodeUri` or `InlineCode`"),
    resource("runtime-handler", "a Zip function without `Runtime` or `Handler`"),
    deployment("provisioned-concurrency-requires-alias",
               "`ProvisionedConcurrencyConfig` without `AutoPublishAlias`"),
    deployment("alias-not-string",
               "`AutoPublishAlias` is not a string once parameters are resolved"),
    deployment("code-sha256-not-string",
               "`AutoPublishCodeSha256` is not a string once parameters are resolved"),
    deployment("version-logical-id",
               "the first 10 characters of `AutoPublishCodeSha256` make a version logical ID that "
               "is not alphanumeric"),
    deployment("alias-name-required", "the `AutoPublishAlias` name is empty"),
    deployment("alias-name-invalid",
               "the `AutoPublishAlias` name is all digits or has characters outside [A-Za-z0-9_-]"),
    resource("event-invoke-destination-config",
             "`EventInvokeConfig.DestinationConfig` or one of its entries is not a mapping"),
    resource("event-invoke-destination-type",
             "an `EventInvokeConfig` destination `Type` SAM does not know"),
    resource(
        "event-invoke-destination-required",
        "an `EventInvokeConfig` destination of a type other than SQS or SNS without `Destination`"),
    resource("api-property-type", "an `AWS::Serverless::Api` property of a type SAM rejects"),
    resource("api-definition-both", "an API with both `DefinitionBody` and `DefinitionUri`"),
    resource("api-definition-uri", "an API's `DefinitionUri` string that is not an S3 URI"),
    resource("api-openapi-version", "an `OpenApiVersion` that is not 2.x or 3.x"),
    resource("api-vpc-endpoint-ids-both",
             "`EndpointConfiguration` with both `VPCEndpointIds` and `VpcEndpointIds`"),
    resource("api-cors-invalid", "an API's `Cors` SAM cannot add"),
    deployment("passthrough-condition-value", "`PassthroughCondition` is not a boolean"),
    deployment("passthrough-condition-intrinsic",
               "`PassthroughCondition` is an intrinsic SAM does not resolve"),
    deployment("deployment-type-missing", "an enabled `DeploymentPreference` without `Type`"),
    deployment("hooks-not-map", "`DeploymentPreference.Hooks` is not a mapping"),
    deployment("deployment-preference-requires-alias",
               "a function's enabled `DeploymentPreference` without an alias name"),
    deployment("alarms-not-list", "`DeploymentPreference.Alarms` is not a list"),
    deployment("if-arguments",
               "an `Fn::If` in `DeploymentPreference.Alarms` without three arguments"),
    resource("event-missing-property",
             "a pull event without its required `Queue`, `Stream` or `StartingPosition`"),
    deployment("alias-event-target-requires-alias",
               "a state machine's `UseAliasAsEventTarget` without `AutoPublishAlias`"),
    deployment("state-machine-preference-requires-alias",
               "a state machine's `DeploymentPreference` without `AutoPublishAlias`"),
    deployment("state-machine-alias-logical-id",
               "a state machine's alias name makes an alias logical ID that is not alphanumeric"),
    generated("duplicate-logical-id",
              "a generated resource takes the logical ID of a resource of the template"),
};

}  // namespace

std::span<const ProblemCode> problemCodes() { return kCodes; }

const ProblemCode* findProblemCode(std::string_view code) {
  for (const ProblemCode& entry : kCodes) {
    if (entry.code == code) return &entry;
  }
  return nullptr;
}

}  // namespace samshift::sam
