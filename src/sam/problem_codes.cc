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
constexpr ProblemCode embeddedConnector(std::string_view code, std::string_view what) {
  return {code, ProblemScope::kConnector, what, ProblemConcern::kTransform};
}
constexpr ProblemCode generated(std::string_view code, std::string_view what) {
  return {code, ProblemScope::kGenerated, what, ProblemConcern::kTransform};
}

constexpr std::array kCodes = {
    templateLevel("globals-invalid", "`Globals` is not a mapping"),
    templateLevel("globals-unsupported-type", "a `Globals` section SAM does not know"),
    templateLevel("globals-unsupported-property",
                  "a key SAM does not take from `Globals.Function` or `Globals.CapacityProvider`"),
    templateLevel("globals-section-not-map", "a section of `Globals` is not a mapping"),
    templateLevel("ignore-globals-invalid",
                  "`IgnoreGlobals` is neither \"*\" nor a list of keys of the Globals section"),
    templateLevel("resources-required", "`Resources` is missing, empty or not a mapping"),
    templateLevel("resource-not-object", "a resource is not a mapping"),
    templateLevel("mappings-not-object", "`Mappings` is null or not a mapping"),
    templateLevel("sub-variable-not-string",
                  "an `Fn::Sub` variable SAM resolves whose value is not a string"),
    templateLevel("findinmap-arguments",
                  "an `Fn::FindInMap` SAM resolves whose argument is not a list of 3 values"),
    templateLevel("findinmap-not-two-level",
                  "an `Fn::FindInMap` SAM resolves on a mapping that is not two levels deep"),
    templateLevel("api-definition-body-invalid",
                  "an API's `DefinitionBody` whose path items, methods or their `security` SAM's "
                  "editor cannot read while it adds the API's `Auth`"),
    templateLevel("properties-not-map", "a serverless resource's `Properties` is not a mapping"),
    templateLevel("condition-not-string", "a resource's `Condition` is set but not a string"),
    templateLevel("http-api-auth-document",
                  "an HttpApi `DefinitionBody` method SAM cannot find to give the default "
                  "authorizer"),
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
    resource("capacity-provider-invalid",
             "an `AWS::Serverless::CapacityProvider` property SAM's model refuses"),
    resource("function-scaling-requires-capacity-provider",
             "`FunctionScalingConfig` without `CapacityProviderConfig`"),
    deployment("tenancy-provisioned-concurrency",
               "`ProvisionedConcurrencyConfig` with `TenancyConfig`"),
    resource("event-type", "an event without a `Type` SAM knows"),
    resource("tenancy-function-url", "`FunctionUrlConfig` with `TenancyConfig`"),
    resource("tenancy-snapstart", "`SnapStart` with `TenancyConfig`"),
    resource("tenancy-event-source", "an event other than Api or HttpApi with `TenancyConfig`"),
    resource("reserved-tag", "a function tag whose key SAM reserves for its own tags"),
    resource("undeclared-property", "a property the serverless resource type does not have"),
    resource("property-type", "a function property of a type SAM does not accept"),
    resource("dead-letter-queue-incomplete", "`DeadLetterQueue` without `Type` or `TargetArn`"),
    resource("dead-letter-queue-type-not-string", "`DeadLetterQueue.Type` is not a string"),
    resource("dead-letter-queue-unknown-type", "`DeadLetterQueue.Type` is neither SQS nor SNS"),
    resource("function-url-auth-type", "`FunctionUrlConfig.AuthType` is neither AWS_IAM nor NONE"),
    resource("function-url-cors-type", "`FunctionUrlConfig.Cors` is not a mapping"),
    resource("function-url-cors-property", "a `FunctionUrlConfig.Cors` key SAM does not know"),
    resource("function-url-cors-value-type", "a `FunctionUrlConfig.Cors` value of the wrong type"),
    resource("role-if-arguments", "a conditional `Role` whose `Fn::If` has not three arguments"),
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
    resource("package-type", "`PackageType` is neither Zip nor Image"),
    resource("image-uri-missing", "an Image function without `ImageUri`"),
    resource("image-uri-empty", "an Image function whose `ImageUri` is empty"),
    resource("code-uri-type", "`CodeUri` is neither a string nor a mapping"),
    resource("image-runtime-handler", "an Image function with `Runtime`, `Handler` or `Layers`"),
    resource("zip-image-config", "a Zip function with `ImageConfig`"),
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
    resource("event-invoke-destination-if",
             "an EventInvokeConfig `Destination` whose `Fn::If` has not three arguments"),
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
    resource("api-event-rest-api-id-type",
             "an Api event whose `RestApiId` is not a string or a Ref"),
    resource("api-event-rest-api-id-reference",
             "an Api event's `RestApiId` that names no resource of the template, or an HttpApi"),
    resource("api-event-properties",
             "an Api event whose `Properties` is not a mapping or without a string `Path` or "
             "`Method`"),
    resource("api-stage-name-empty", "an API with an empty `StageName` that an Api event names"),
    resource("api-merge-definitions-uri", "an API with `MergeDefinitions` and a `DefinitionUri`"),
    templateLevel("api-body-invalid",
                  "an API's `DefinitionBody` SAM's Swagger editor cannot edit (a path item, an "
                  "`Fn::If` or an extension of the wrong type)"),
    resource("api-disable-execute-api-endpoint",
             "`DisableExecuteApiEndpoint` on an API without a `DefinitionBody`"),
    resource("api-models-invalid", "an API's `Models` SAM cannot add to its body"),
    resource("api-gateway-responses-invalid",
             "an API's `GatewayResponses` SAM cannot add to its body"),
    resource("api-auth-invalid", "an API's `Auth` SAM cannot add to its body"),
    resource("api-event-auth", "an Api event's `Auth` that its API cannot give the method"),
    resource("api-event-request-model",
             "an Api event's `RequestModel` that its SAM-managed API does not define or validate"),
    resource("api-event-request-parameters", "an Api event's `RequestParameters` SAM rejects"),
    resource("api-event-method-duplicate",
             "an Api event on a method and path an earlier event already integrates in the body "
             "SAM manages"),
    resource("api-domain-invalid", "an API's `Domain` SAM cannot make a custom domain of"),
    templateLevel("api-resource-policy-invalid",
                  "an API's `Auth.ResourcePolicy` that is not a map"),
    resource("api-usage-plan-invalid",
             "an API's `Auth.UsagePlan` that is not a map, has unknown keys or no valid "
             "`CreateUsagePlan`"),
    resource("http-api-auth-invalid", "an HttpApi's `Auth` SAM cannot add to its body"),
    resource("http-api-event-auth-invalid",
             "an HttpApi event's `Auth` that its SAM-managed API cannot give the route"),
    resource("http-api-invalid",
             "an HttpApi whose body, `DefinitionUri`, `CorsConfiguration`, `Tags`, `Name`, "
             "`Description`, `DisableExecuteApiEndpoint` or `Domain` SAM cannot make an API of"),
    templateLevel("http-api-openapi-invalid",
                  "an HttpApi property SAM cannot add to a body that is not OpenAPI, or body "
                  "`tags` that are not a list"),
    resource("http-api-event-invalid",
             "an HttpApi event without a string `Path`, `Method` or `ApiId` SAM can follow, with "
             "`RouteSettings` that are not a map, or naming an API whose body is not OpenAPI"),
    resource("websocket-api-invalid",
             "a WebSocketApi without routes, with a route key, stage name, `Auth` or "
             "`IpAddressType` SAM rejects"),
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
    resource(
        "event-missing-property",
        "a pull event without a property its source requires (`Queue`, `Stream`, `Broker`, …)"),
    resource("pull-event-properties-not-map", "a pull event whose `Properties` is not a mapping"),
    resource("pull-event-property-unknown", "a property its pull event source does not define"),
    resource("pull-event-property-type", "a pull event property of the wrong type"),
    resource("pull-event-filter-criteria",
             "a pull event `FilterCriteria` with keys other than `Filters`"),
    resource("pull-event-consumer-group",
             "`ConsumerGroupId` on a pull event other than MSK or SelfManagedKafka"),
    resource("pull-event-destination",
             "a pull event `DestinationConfig` without an `OnFailure` mapping or with an unknown "
             "`Type`"),
    resource(
        "pull-event-source-access",
        "an MQ or DocumentDB event without exactly one `BASIC_AUTH` source access configuration"),
    resource("pull-event-kms-key-id", "a pull event `SecretsManagerKmsKeyId` that is not a string"),
    resource("pull-event-schema-registry", "a Kafka event `SchemaRegistryConfig` SAM cannot read"),
    resource("pull-event-self-managed-kafka",
             "a SelfManagedKafka event without one topic, bootstrap servers or valid source access "
             "configurations"),
    resource("event-missing-property", "an event without a property its source requires"),
    resource("event-properties-not-map", "an event whose `Properties` is not a mapping"),
    resource("event-property-unknown", "an event property its source does not declare"),
    resource("event-property-type", "an event property of a type its source does not take"),
    resource("event-state-and-enabled", "a rule event with both `State` and `Enabled`"),
    resource("event-dlq-arn-and-type", "a `DeadLetterConfig` with both `Arn` and `Type`"),
    resource("event-dlq-type", "a `DeadLetterConfig` whose `Type` is not SQS"),
    resource("event-dlq-missing", "a `DeadLetterConfig` with neither `Arn` nor `Type`"),
    resource("generated-logical-id",
             "a `QueueLogicalId` or `QueuePolicyLogicalId` that is not alphanumeric"),
    resource("event-dlq-queue-id", "a `DeadLetterConfig.QueueLogicalId` that is not a string"),
    resource("schedule-v2-omit-name-with-name", "a ScheduleV2 event with `Name` and `OmitName`"),
    resource("sns-sqs-subscription-queue",
             "an SNS `SqsSubscription` mapping without `QueueArn` or `QueueUrl`"),
    resource("s3-bucket-ref", "an S3 event's `Bucket` is a `Ref` to something not a string"),
    resource("s3-bucket-not-in-template",
             "an S3 event's `Bucket` is not a `Ref` to a resource of the template"),
    resource("s3-bucket-tags-list",
             "the `Tags` of a bucket a conditional function's S3 event amends is not a list"),
    resource("s3-bucket-depends-on",
             "the `DependsOn` of a bucket an S3 event amends is neither a string nor a list of "
             "strings"),
    resource("s3-bucket-properties-map",
             "the `Properties` of a bucket an S3 event amends is not a mapping"),
    resource("s3-notification-configuration-map",
             "the `NotificationConfiguration` of a bucket an S3 event amends is not a mapping"),
    resource("s3-lambda-configurations-list",
             "the `LambdaConfigurations` of a bucket an S3 event amends is not a list"),
    resource("cognito-user-pool-ref",
             "a Cognito event's `UserPool` is a `Ref` to something not a string"),
    resource("cognito-lambda-config-map",
             "the `LambdaConfig` of a user pool a Cognito event amends "
             "is not a mapping"),
    resource("cognito-user-pool-property",
             "a property SAM's user pool model does not know on a pool a Cognito event amends"),
    resource("cognito-trigger-duplicate",
             "a Cognito trigger set twice on a user pool (by the pool or by events)"),
    resource("cognito-user-pool-not-in-template",
             "a Cognito event's `UserPool` is not a `Ref` to a resource of the template"),
    deployment("alias-event-target-requires-alias",
               "a state machine's `UseAliasAsEventTarget` without `AutoPublishAlias`"),
    deployment("state-machine-preference-requires-alias",
               "a state machine's `DeploymentPreference` without `AutoPublishAlias`"),
    deployment("state-machine-alias-logical-id",
               "a state machine's alias name makes an alias logical ID that is not alphanumeric"),
    resource("state-machine-property-unknown", "a property SAM's state machine does not declare"),
    resource("state-machine-property-type",
             "a state machine property of a type SAM does not accept"),
    resource("state-machine-definition-conflict",
             "a state machine with both `Definition` and `DefinitionUri`"),
    resource("state-machine-definition-missing",
             "a state machine with neither `Definition` nor `DefinitionUri`"),
    resource("state-machine-definition-uri-location",
             "a state machine's `DefinitionUri` is a mapping without Bucket and Key"),
    resource("state-machine-definition-uri",
             "a state machine's `DefinitionUri` is a URI that is not s3://bucket/key"),
    packaging("state-machine-definition-uri-local",
              "a state machine's `DefinitionUri` is a local path"),
    resource("state-machine-role-and-policies", "a state machine with both `Role` and `Policies`"),
    resource("connector-invalid",
             "an AWS::Serverless::Connector SAM cannot transform: a missing or wrong-typed "
             "property, an endpoint it cannot find or read, permissions its profile does not take"),
    packaging("connector-endpoint-unpackaged",
              "a connector whose endpoint SAM leaves untransformed until `sam package` replaces "
              "its local code"),
    embeddedConnector("embedded-connector-invalid",
                      "a `Connectors` attribute, or one of its connectors, SAM cannot transform"),
    embeddedConnector("embedded-connector-duplicate-id",
                      "an embedded connector whose logical ID the template already uses"),
    resource("resource-property-unknown", "a property the serverless resource type does not have"),
    resource("resource-property-type", "a property of a serverless resource has the wrong type"),
    resource("resource-property-required",
             "a required property of a serverless resource is missing"),
    resource(
        "application-location-missing",
        "an Application without `Location`, or a `Location` mapping without `ApplicationId` or "
        "`SemanticVersion`"),
    resource("application-location-unresolved",
             "an Application's `ApplicationId` or `SemanticVersion` is an intrinsic other than Ref "
             "and FindInMap"),
    resource("application-semantic-version-blank", "an Application's `SemanticVersion` is empty"),
    resource("application-location-type",
             "an Application's `ApplicationId` or `SemanticVersion` is not a string"),
    resource("application-dynamic-reference",
             "an Application's `ApplicationId` is an SSM dynamic reference"),
    resource("reserved-tag",
             "`Tags` sets a key SAM reserves (`lambda:createdBy`, `serverlessrepo:…`)"),
    resource("simple-table-primary-key",
             "a SimpleTable `PrimaryKey` without `Name` or `Type`, or a `Type` SAM does not know"),
    resource("layer-parameter-not-string",
             "a layer's `LayerName`, `LicenseInfo`, `Description` or `RetentionPolicy` is not a "
             "string once parameters are resolved"),
    resource("layer-retention-policy", "a layer's `RetentionPolicy` is not Retain or Delete"),
    resource("layer-content-uri", "a layer's `ContentUri` is not an S3 location SAM reads"),
    packaging("layer-content-uri-local", "a layer's `ContentUri` is a local path"),
    packaging("layer-content-uri-missing", "a layer without `ContentUri`"),
    resource("layer-architectures",
             "a layer's `CompatibleArchitectures` holds something other than x86_64 and arm64"),
    resource("graphql-auth",
             "a GraphQLApi authenticator with more than one configuration, or without the one its "
             "Type needs"),
    resource("graphql-schema",
             "a GraphQLApi with both or neither of `SchemaInline` and `SchemaUri`"),
    resource("graphql-property-invalid",
             "a GraphQLApi value SAM's model refuses: an unknown Auth Type, an unknown key, a "
             "missing required field, Auth.Additional that is not a list"),
    resource("graphql-resolver",
             "a GraphQLApi function or resolver without the code, runtime, data source or "
             "pipeline SAM needs, or naming one the API does not define"),
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
