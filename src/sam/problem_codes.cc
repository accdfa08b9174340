#include "sam/problem_codes.h"

#include <array>

namespace samshift::sam {

namespace {

constexpr ProblemScope kTemplate = ProblemScope::kTemplate;
constexpr ProblemScope kResource = ProblemScope::kResource;
constexpr ProblemScope kGenerated = ProblemScope::kGenerated;

constexpr std::array kCodes = {
    // Template level (validateSamTemplate).
    ProblemCode{"globals-invalid", kTemplate, "`Globals` is not a non-empty mapping"},
    ProblemCode{"globals-unsupported-type", kTemplate, "a `Globals` section SAM does not know"},
    ProblemCode{"globals-unsupported-property", kTemplate,
                "a key SAM does not take from `Globals.Function` or `Globals.CapacityProvider`"},
    ProblemCode{"resource-not-object", kTemplate, "a resource is not a mapping"},
    ProblemCode{"mappings-not-object", kTemplate, "`Mappings` is null or not a mapping"},
    // One resource (validateSamResource).
    ProblemCode{"properties-not-map", kResource,
                "a serverless resource's `Properties` is not a mapping"},
    ProblemCode{"logical-id", kResource, "a serverless resource's logical ID is not alphanumeric"},
    ProblemCode{"alias-type", kResource,
                "`AutoPublishAlias` is neither a string nor a one-key mapping"},
    ProblemCode{"code-sha256-type", kResource,
                "`AutoPublishCodeSha256` is neither a string nor a one-key mapping"},
    ProblemCode{"all-properties-type", kResource,
                "`AutoPublishAliasAllProperties` is not a boolean"},
    ProblemCode{"version-deletion-policy", kResource,
                "`VersionDeletionPolicy` is not Delete or Retain"},
    ProblemCode{"deployment-preference-map", kResource, "`DeploymentPreference` is not a mapping"},
    ProblemCode{"version-deletion-policy-requires-alias", kResource,
                "`VersionDeletionPolicy` without `AutoPublishAlias`"},
    ProblemCode{"capacity-provider-provisioned-concurrency", kResource,
                "`ProvisionedConcurrencyConfig` with `CapacityProviderConfig`"},
    ProblemCode{"tenancy-provisioned-concurrency", kResource,
                "`ProvisionedConcurrencyConfig` with `TenancyConfig`"},
    ProblemCode{"event-type", kResource, "an event without a `Type` SAM knows"},
    ProblemCode{"tenancy-function-url", kResource, "`FunctionUrlConfig` with `TenancyConfig`"},
    ProblemCode{"tenancy-snapstart", kResource, "`SnapStart` with `TenancyConfig`"},
    ProblemCode{"tenancy-event-source", kResource,
                "an event other than Api or HttpApi with `TenancyConfig`"},
    ProblemCode{"role-type", kResource, "`Role` is neither a string nor an intrinsic"},
    ProblemCode{"layers-type", kResource, "`Layers` is not a list"},
    ProblemCode{"code-uri-location", kResource, "`CodeUri` is a mapping without Bucket and Key"},
    ProblemCode{"code-uri-dynamic-reference", kResource, "`CodeUri` has a dynamic reference"},
    ProblemCode{"code-uri", kResource, "`CodeUri` is a URI that is not s3://bucket/key"},
    ProblemCode{"code-uri-local", kResource, "`CodeUri` is a local path", true},
    ProblemCode{"runtime-handler", kResource, "a Zip function without `Runtime` or `Handler`"},
    ProblemCode{"provisioned-concurrency-requires-alias", kResource,
                "`ProvisionedConcurrencyConfig` without `AutoPublishAlias`"},
    ProblemCode{"alias-not-string", kResource,
                "`AutoPublishAlias` is not a string once parameters are resolved"},
    ProblemCode{"code-sha256-not-string", kResource,
                "`AutoPublishCodeSha256` is not a string once parameters are resolved"},
    ProblemCode{"version-logical-id", kResource,
                "the first 10 characters of `AutoPublishCodeSha256` make a version logical ID "
                "that is not alphanumeric"},
    ProblemCode{"alias-name-required", kResource, "the `AutoPublishAlias` name is empty"},
    ProblemCode{"alias-name-invalid", kResource,
                "the `AutoPublishAlias` name is all digits or has characters outside "
                "[A-Za-z0-9_-]"},
    ProblemCode{"event-invoke-destination-config", kResource,
                "`EventInvokeConfig.DestinationConfig` or one of its entries is not a mapping"},
    ProblemCode{"event-invoke-destination-type", kResource,
                "an `EventInvokeConfig` destination `Type` SAM does not know"},
    ProblemCode{"event-invoke-destination-required", kResource,
                "an `EventInvokeConfig` destination of a type other than SQS or SNS without "
                "`Destination`"},
    ProblemCode{"passthrough-condition-value", kResource,
                "`PassthroughCondition` is not a boolean"},
    ProblemCode{"passthrough-condition-intrinsic", kResource,
                "`PassthroughCondition` is an intrinsic SAM does not resolve"},
    ProblemCode{"deployment-type-missing", kResource,
                "an enabled `DeploymentPreference` without `Type`"},
    ProblemCode{"hooks-not-map", kResource, "`DeploymentPreference.Hooks` is not a mapping"},
    ProblemCode{"deployment-preference-requires-alias", kResource,
                "a function's enabled `DeploymentPreference` without an alias name"},
    ProblemCode{"alarms-not-list", kResource, "`DeploymentPreference.Alarms` is not a list"},
    ProblemCode{"if-arguments", kResource,
                "an `Fn::If` in `DeploymentPreference.Alarms` without three arguments"},
    ProblemCode{"event-missing-property", kResource,
                "a pull event without its required `Queue`, `Stream` or `StartingPosition`"},
    ProblemCode{"alias-event-target-requires-alias", kResource,
                "a state machine's `UseAliasAsEventTarget` without `AutoPublishAlias`"},
    ProblemCode{"state-machine-preference-requires-alias", kResource,
                "a state machine's `DeploymentPreference` without `AutoPublishAlias`"},
    ProblemCode{"state-machine-alias-logical-id", kResource,
                "a state machine's alias name makes an alias logical ID that is not "
                "alphanumeric"},
    // Resources SAM generates.
    ProblemCode{"duplicate-logical-id", kGenerated,
                "a generated resource takes the logical ID of a resource of the template"},
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
