// T006: what the SAM transform rejects that no rule of a family words: Globals, Mappings and
// logical IDs it refuses, function properties it cannot transform, generated resources whose
// logical ID the template already uses.

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "engine/registry.h"
#include "rules/shared/sam_problems.h"

namespace samshift::rules {

namespace {

using model::Node;

// The key of the Globals section that holds `node` ("Function").
std::string globalsSection(const model::Template& templ, const Node& node) {
  const Node* globals = templ.globals();
  for (const model::MapEntry& entry :
       globals ? globals->entries() : std::vector<model::MapEntry>{}) {
    core::Span span = entry.value.span();
    if (span.known() && node.span().begin >= span.begin && node.span().end <= span.end)
      return entry.key.text();
  }
  return "…";
}

// The text SAM puts between the first `open` and the next `close` of its message.
std::string between(const std::string& message, char open, char close) {
  size_t begin = message.find(open);
  size_t end = begin == std::string::npos ? begin : message.find(close, begin + 1);
  return end == std::string::npos ? std::string() : message.substr(begin + 1, end - begin - 1);
}

class SamRejectsTemplate : public engine::Rule {
 public:
  const engine::RuleInfo& info() const override {
    static const engine::RuleInfo kInfo{
        "T006", "sam-rejects-template", core::Severity::kError,
        "The SAM transform rejects a section, a logical ID or a property that no "
        "other rule covers",
        R"(## What it does
Reports what the SAM transform rejects (the checks `samshift expand` makes) that no rule of a
family covers:
- a `Globals` section that is not a mapping, or a section or key SAM does not take from it;
- an `IgnoreGlobals` attribute that is neither `"*"` nor a list of keys of the Globals section;
- `Mappings: null`; an `Fn::Sub` that SAM resolves (`AutoPublishAlias`, `AutoPublishCodeSha256`,
  `DeploymentPreference`, `EventInvokeConfig`) with a variable whose value is not a string; an
  `Fn::FindInMap` that SAM resolves (an application's `Location`, `DeploymentPreference`) whose
  argument is not a list of 3 values, or whose mapping is not two levels deep;
- a serverless resource whose logical ID is not alphanumeric, or whose `Properties` is not a
  mapping; a resource whose `Condition` is set to something other than a string;
- a property a function or capacity provider does not have;
- a function SAM cannot transform: no `Runtime` or `Handler` for a Zip package, a `CodeUri` that
  is not an S3 location, a `PackageType` other than Zip or Image, an Image function without
  `ImageUri` or with `Runtime`, `Handler` or `Layers`, a Zip one with `ImageConfig`, `Role` or
  `Layers` of the wrong type, an `Fn::If` of `Role` without three arguments, an event without a
  known `Type` or without its required `Queue`/`Stream`/`StartingPosition`, a pull event (SQS,
  Kinesis, DynamoDB, MSK, MQ, SelfManagedKafka, DocumentDB) with a property its source does not
  define or of the wrong type, a `FilterCriteria`, `DestinationConfig`,
  `SourceAccessConfigurations`, `SchemaRegistryConfig` or Kafka topic setting SAM cannot
  transform, an `EventInvokeConfig`
  is not an S3 location, `Role` or `Layers` of the wrong type, an event without a known `Type`
  or with a property its source does not declare, lacks or cannot take (a push event's
  `DeadLetterConfig` without `Arn` or `Type: SQS`, `State` with `Enabled`, an S3 bucket or
  Cognito user pool that is not a `Ref` to a resource of the template, a Cognito trigger set
  twice on a pool, a bucket whose `DependsOn`, `Tags`, `Properties`,
  `NotificationConfiguration` or `LambdaConfigurations` an S3 event cannot add to), an
  `EventInvokeConfig`
  destination SAM cannot read, features `TenancyConfig` excludes, `VpcConfig` with
  `CapacityProviderConfig`, `FunctionScalingConfig` without it, a `DeadLetterQueue` without
  `Type` SQS or SNS and a `TargetArn`, a `FunctionUrlConfig` without `AuthType` or with `Cors`
  SAM cannot read;
- a state machine SAM cannot transform: a property it does not know or of the wrong type, both or neither of
  `Definition` and `DefinitionUri`, a `DefinitionUri` that is not an S3 location, both `Role`
  and `Policies`;
  `CapacityProviderConfig`, `FunctionScalingConfig` without it;
- a capacity provider without `VpcConfig.SubnetIds`, with a key its `VpcConfig`,
  `InstanceRequirements` or `ScalingConfig` does not have, a value of the wrong type there, or
  both `AllowedTypes` and `ExcludedTypes`;
- a serverless resource with a property its type does not have, without one it requires, or
  with one of the wrong type; a SimpleTable `PrimaryKey` without `Name` or `Type`, or with a
  `Type` other than String, Number or Binary; an Application without a `Location`, or whose
  `ApplicationId` and `SemanticVersion` SAM cannot read (missing, empty, not strings, an
  intrinsic other than `Ref` and `Fn::FindInMap`, a dynamic reference); `Tags` that set a key
  SAM reserves (`lambda:createdBy`, `serverlessrepo:applicationId`,
  `serverlessrepo:semanticVersion`); a layer whose `ContentUri` is not an S3 location, whose
  `RetentionPolicy` is not Retain or Delete (an intrinsic included), whose
  `CompatibleArchitectures` holds other values, or whose `LayerName`, `LicenseInfo` or
  `Description` is a parameter that is not a string; a GraphQL API with both or neither of
  `SchemaInline` and `SchemaUri`, or an `Auth` authenticator with several configurations or
  without the one its `Type` needs, or a GraphQL function or resolver without the code,
  `Runtime`, `DataSource` or `Pipeline` SAM needs, with `Id` and other properties, or naming a
  data source or function the API does not define, or a GraphQL API value its model refuses (an
  unknown `Auth` `Type`, an unknown key, a missing required field);
- an `AWS::Serverless::Api` SAM cannot transform: a property of the wrong type, both
  `DefinitionBody` and `DefinitionUri`, a `DefinitionUri` that is not an S3 URI, an
  `OpenApiVersion` that is not 2.x or 3.x, both `VPCEndpointIds` and `VpcEndpointIds`, a `Cors`
  it cannot add (an unknown key, no inline Swagger body, `AllowCredentials` with the `'*'`
  origin), `Models` without an inline Swagger body or with a model that is not a mapping,
  `GatewayResponses` without an inline Swagger body, with a response that is not a mapping (or
  an intrinsic), an unknown key, `ResponseParameters` other than `Headers`, `Paths` and
  `QueryStrings` maps, or a `StatusCode` that is not one to three digits,
  `MergeDefinitions` with a `DefinitionUri`, `DisableExecuteApiEndpoint` without a
  `DefinitionBody`, a `DefinitionBody` SAM's Swagger editor cannot edit (a path item or an
  OPTIONS method or its 200 response headers that are not maps, an `Fn::If` that does not hold a
  list, an `x-amazon-apigateway-endpoint-configuration` that is not a map, a body that is not
  Swagger or OpenAPI 3 under `DisableExecuteApiEndpoint`), an empty `AllowOrigin` in `Cors`, an empty `StageName` that an Api event names, an Api event's `RestApiId` that is neither a string nor a
  `Ref` or names no resource of the template or an HttpApi;
- an Api event whose `Properties` is not a mapping, or without a string `Path` or `Method`;
- an API's `Auth` SAM cannot add (no inline Swagger body, an unknown key, an authorizer that is
  not a map or with an invalid `FunctionPayloadType`, `Identity`, `AuthorizationScopes` or
  `DisableFunctionDefaultPermissions`, a `DefaultAuthorizer` that is not a string or names no
  authorizer), or whose `DefinitionBody` SAM's editor cannot read while it adds it (a path item,
  method or `security` entry that is not a mapping);
- an Api event of a function or state machine whose `Auth` its API cannot give the method (an
  `Authorizer` the API does not define, `NONE` without a `DefaultAuthorizer`, scopes without an
  authorizer, `ApiKeyRequired: false` without the API's, `OverrideApiAuth` with none of them);
- an Api event whose `RequestModel` names a model its SAM-managed API does not define, or whose
  `ValidateBody` / `ValidateParameters` is not a boolean, or with `RequestParameters` that are not
  `method.request.(querystring|path|header).NAME` names or `{Required, Caching}` maps;
- an API with a `Domain` it cannot make a custom domain of (not a map, no `DomainName` or
  `CertificateArn`, an `EndpointConfiguration` other than EDGE, REGIONAL or PRIVATE, unknown
  `MutualTlsAuthentication` fields, a `BasePath` that is not a string, a `Route53` without a
  hosted zone);
- an API `Auth` whose `ResourcePolicy` is not a map, or whose `UsagePlan` is not a map, has a
  key SAM does not know or no `CreateUsagePlan` of SHARED, PER_API or NONE;
- an `AWS::Serverless::HttpApi` whose `Auth` SAM cannot add: not a map, with an unknown key, an
  authorizer that is not a map, has `OpenIdConnectUrl`, lacks what its type needs (a JWT one's
  `IdentitySource`, a Lambda one's `FunctionArn` or `AuthorizerPayloadFormatVersion`) or has a
  property of the other type, a `DefaultAuthorizer` it does not define, a method of its inline
  body SAM cannot find to give the `DefaultAuthorizer` or that is not a mapping; an HttpApi event with a property it does
  not declare or of the wrong type, or whose `Auth` names an authorizer its API does not define,
  `NONE` without a `DefaultAuthorizer`, or `AuthorizationScopes` that are not a list;
- an HttpApi SAM cannot make an API of: both `DefinitionBody` and `DefinitionUri`, a
  `CorsConfiguration`, `Tags`, `Name`, `Description` or `DisableExecuteApiEndpoint` it cannot add
  to the body (no inline OpenAPI body, unknown `CorsConfiguration` keys, credentials with origin
  "*"), a body `tags` that is not a list, a `DefinitionUri` map without `Bucket` and `Key`, a
  `Domain` without `DomainName` and `CertificateArn` or with `MutualTlsAuthentication` SAM cannot
  read; an HttpApi event without `Properties` as a map, without a string `Path` and `Method`, whose
  `ApiId` is not a string or names no resource, whose `RouteSettings` are not a map, or naming an
  HttpApi whose `DefinitionBody` is not OpenAPI;
- a resource SAM would generate (`FnRole`, `FnMyEventPermission`, …) whose logical ID the
  template already uses;
- an `AWS::Serverless::Connector`, or a connector of a `Connectors` attribute, SAM cannot
  transform: a missing or wrong-typed `Source`, `Destination` or `Permissions`, an endpoint it
  cannot find or whose ARN, queue URL or role it cannot read, permissions the connector's profile
  does not take, a connector whose logical ID (`<Resource><Name>`) the template already uses.

Each finding carries SAM's own message as a note. A local `CodeUri` path, or none, and a layer's
local `ContentUri`, or none, are not reported: `sam package` and `sam deploy` upload them (the template's
directory when there is none) and write an S3 URI in their place before the transform runs.

## Why is this bad?
The transform fails and nothing is deployed; `sam deploy` shows SAM's message without a line
number, and only after packaging and uploading.

## Example
```yaml
Globals:
  Function:
    Timout: 30
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://bucket/fn.zip
      Runtime: python3.12
```

## Use instead
```yaml
Globals:
  Function:
    Timeout: 30
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: s3://bucket/fn.zip
      Runtime: python3.12
      Handler: app.handler
```
)"};
    return kInfo;
  }

  std::span<const std::string_view> samProblemCodes() const override {
    static constexpr std::string_view kCodes[] = {
        "globals-invalid",
        "globals-unsupported-type",
        "globals-unsupported-property",
        "globals-section-not-map",
        "ignore-globals-invalid",
        "logical-id",
        "mappings-not-object",
        "sub-variable-not-string",
        "findinmap-arguments",
        "findinmap-not-two-level",
        "properties-not-map",
        "role-type",
        "role-if-arguments",
        "function-url-auth-type",
        "function-url-cors-type",
        "function-url-cors-property",
        "function-url-cors-value-type",
        "property-type",
        "undeclared-property",
        "reserved-tag",
        "dead-letter-queue-incomplete",
        "dead-letter-queue-type-not-string",
        "dead-letter-queue-unknown-type",
        "policies-type",
        "policy-entry-invalid",
        "policy-template-values",
        "policy-template-parameters",
        "policy-if",
        "layers-type",
        "package-type",
        "image-uri-missing",
        "image-uri-empty",
        "code-uri-type",
        "image-runtime-handler",
        "zip-image-config",
        "code-uri-location",
        "code-uri-dynamic-reference",
        "code-uri",
        "code-uri-local",
        "code-missing",
        "runtime-handler",
        "capacity-provider-vpc",
        "function-scaling-requires-capacity-provider",
        "event-type",
        "event-missing-property",
        "pull-event-properties-not-map",
        "pull-event-property-unknown",
        "pull-event-property-type",
        "pull-event-filter-criteria",
        "pull-event-consumer-group",
        "pull-event-destination",
        "pull-event-source-access",
        "pull-event-kms-key-id",
        "pull-event-schema-registry",
        "pull-event-self-managed-kafka",
        "event-properties-not-map",
        "event-property-unknown",
        "event-property-type",
        "event-state-and-enabled",
        "event-dlq-arn-and-type",
        "event-dlq-type",
        "event-dlq-missing",
        "event-dlq-queue-id",
        "generated-logical-id",
        "schedule-v2-omit-name-with-name",
        "sns-sqs-subscription-queue",
        "s3-bucket-ref",
        "s3-bucket-not-in-template",
        "s3-bucket-tags-list",
        "s3-bucket-depends-on",
        "s3-bucket-properties-map",
        "s3-notification-configuration-map",
        "s3-lambda-configurations-list",
        "cognito-user-pool-ref",
        "cognito-lambda-config-map",
        "cognito-trigger-duplicate",
        "cognito-user-pool-property",
        "cognito-user-pool-not-in-template",
        "tenancy-function-url",
        "tenancy-snapstart",
        "tenancy-event-source",
        "event-invoke-destination-config",
        "event-invoke-destination-type",
        "event-invoke-destination-if",
        "event-invoke-destination-required",
        "state-machine-property-unknown",
        "state-machine-property-type",
        "state-machine-definition-conflict",
        "state-machine-definition-missing",
        "state-machine-definition-uri-location",
        "state-machine-definition-uri",
        "state-machine-definition-uri-local",
        "state-machine-role-and-policies",
        "api-property-type",
        "api-definition-both",
        "api-definition-uri",
        "api-openapi-version",
        "api-vpc-endpoint-ids-both",
        "api-cors-invalid",
        "api-merge-definitions-uri",
        "api-body-invalid",
        "api-disable-execute-api-endpoint",
        "api-stage-name-empty",
        "api-event-rest-api-id-type",
        "api-event-rest-api-id-reference",
        "api-models-invalid",
        "api-gateway-responses-invalid",
        "api-event-properties",
        "condition-not-string",
        "capacity-provider-invalid",
        "api-auth-invalid",
        "api-definition-body-invalid",
        "api-event-auth",
        "api-event-request-model",
        "api-event-request-parameters",
        "api-event-method-duplicate",
        "api-domain-invalid",
        "api-resource-policy-invalid",
        "api-usage-plan-invalid",
        "http-api-auth-invalid",
        "http-api-auth-document",
        "http-api-event-auth-invalid",
        "websocket-api-invalid",
        "http-api-invalid",
        "http-api-event-invalid",
        "http-api-openapi-invalid",
        "duplicate-logical-id",
        "connector-invalid",
        "embedded-connector-invalid",
        "embedded-connector-duplicate-id",
        "connector-endpoint-unpackaged",
        "resource-property-unknown",
        "resource-property-type",
        "simple-table-primary-key",
        "resource-property-required",
        "application-location-missing",
        "application-location-unresolved",
        "application-semantic-version-blank",
        "application-location-type",
        "application-dynamic-reference",
        "reserved-tag",
        "layer-parameter-not-string",
        "layer-retention-policy",
        "layer-content-uri",
        "layer-content-uri-local",
        "layer-content-uri-missing",
        "layer-architectures",
        "graphql-auth",
        "graphql-schema",
        "graphql-resolver",
        "graphql-property-invalid",
    };
    return kCodes;
  }

  void checkTemplate(const engine::RuleContext& context,
                     engine::Reporter& reporter) const override {
    reportSamProblems(
        context, *this,
        [&](const ResourceProblem& problem) { return describe(context.templ, problem); }, reporter);
  }

 private:
  // The pull event problems (sam/pull_events.h): SAM's own text where it names the property.
  static std::string describePullEvent(const sam::SamProblem& sam, const std::string& text) {
    const std::string& code = sam.code;
    if (code == "pull-event-properties-not-map")
      return "`Properties` of an event must be a mapping";
    if (code == "pull-event-property-unknown") {
      return "`" + text + "` is not a property of a " +
             sam.message.substr(sam.message.rfind(' ') + 1) + " event";
    }
    if (code == "pull-event-property-type")
      return "`" + between(sam.message, '\'', '\'') + "` has a type SAM does not accept";
    if (code == "pull-event-filter-criteria") return "`FilterCriteria` may hold only `Filters`";
    if (code == "pull-event-consumer-group")
      return "`ConsumerGroupId` applies only to MSK and SelfManagedKafka events";
    return samSentence(sam);
  }

  // SAM's sentence after "is invalid. ", without its full stop, naming properties in backticks.
  static std::string samSentence(const sam::SamProblem& sam) {
    size_t after = sam.message.rfind("is invalid. ");
    std::string said = after == std::string::npos ? sam.message : sam.message.substr(after + 12);
    if (!said.empty() && said.back() == '.') said.pop_back();
    std::replace(said.begin(), said.end(), '\'', '`');
    return said;
  }

  static std::string describe(const model::Template& templ, const ResourceProblem& problem) {
    // The messages that name nothing of the template.
    static constexpr std::pair<std::string_view, std::string_view> kFixed[] = {
        {"globals-invalid", "`Globals` must be a mapping"},
        {"mappings-not-object", "`Mappings` must be a mapping"},
        {"role-type", "`Role` must be an ARN or an intrinsic"},
        {"function-url-auth-type", "`FunctionUrlConfig` needs `AuthType` AWS_IAM or NONE"},
        {"function-url-cors-type", "`FunctionUrlConfig.Cors` must be a mapping"},
        {"role-if-arguments", "`Fn::If` of `Role` needs a condition and two values"},
        {"layers-type", "`Layers` must be a list"},
        {"dead-letter-queue-incomplete", "`DeadLetterQueue` needs both `Type` and `TargetArn`"},
        {"dead-letter-queue-type-not-string",
         "`DeadLetterQueue.Type` must be SQS or SNS as written: SAM does not resolve it"},
        {"dead-letter-queue-unknown-type", "`DeadLetterQueue.Type` must be SQS or SNS"},
        {"code-uri-location", "`CodeUri` needs both `Bucket` and `Key`"},
        {"image-uri-missing", "An Image function needs `ImageUri`"},
        {"image-uri-empty", "`ImageUri` must name an image in a registry"},
        {"code-uri-type", "`CodeUri` must be an S3 URI or a mapping with `Bucket` and `Key`"},
        {"image-runtime-handler",
         "An Image function cannot have `Runtime`, `Handler` or `Layers`: the image provides them"},
        {"zip-image-config", "`ImageConfig` needs `PackageType: Image`"},
        {"code-uri-dynamic-reference",
         "`CodeUri` cannot use a dynamic reference: SAM reads the bucket and key as written"},
        {"tenancy-function-url", "`FunctionUrlConfig` cannot be combined with `TenancyConfig`"},
        {"tenancy-snapstart", "`SnapStart` cannot be combined with `TenancyConfig`"},
        {"capacity-provider-vpc", "`VpcConfig` cannot be combined with `CapacityProviderConfig`"},
        {"function-scaling-requires-capacity-provider",
         "`FunctionScalingConfig` needs `CapacityProviderConfig`"},
        {"event-invoke-destination-config",
         "`DestinationConfig` and its `OnSuccess` and `OnFailure` must be mappings"},
        {"event-invoke-destination-if",
         "`Fn::If` of `Destination` needs a condition and two values"},
        {"event-invoke-destination-required",
         "A destination whose `Type` is not SQS or SNS needs `Destination`"},
        {"state-machine-definition-conflict",
         "A state machine takes `Definition` or `DefinitionUri`, not both"},
        {"state-machine-definition-uri-location", "`DefinitionUri` needs both `Bucket` and `Key`"},
        {"state-machine-role-and-policies",
         "A state machine takes `Role` or `Policies`, not both: SAM generates the role that "
         "`Policies` go into"},
        {"event-properties-not-map", "An event's `Properties` must be a mapping"},
        {"event-state-and-enabled", "A rule event takes `State` or `Enabled`, not both"},
        {"event-dlq-arn-and-type", "`DeadLetterConfig` takes `Arn` or `Type`, not both"},
        {"event-dlq-type", "`DeadLetterConfig.Type` can only be SQS"},
        {"event-dlq-missing", "`DeadLetterConfig` needs `Arn` or `Type: SQS`"},
        {"event-dlq-queue-id", "`QueueLogicalId` must be a string"},
        {"schedule-v2-omit-name-with-name", "A ScheduleV2 event with `OmitName` takes no `Name`"},
        {"sns-sqs-subscription-queue", "`SqsSubscription` needs both `QueueArn` and `QueueUrl`"},
        {"s3-bucket-ref", "The `Ref` of an S3 event's `Bucket` must name a resource"},
        {"s3-bucket-not-in-template",
         "An S3 event's `Bucket` must be a `Ref` to a bucket of the template"},
        {"cognito-lambda-config-map", "`LambdaConfig` must be a mapping: Cognito events add to it"},
        {"s3-bucket-tags-list",
         "The bucket's `Tags` must be a list: a conditional function's S3 event adds to it"},
        {"s3-bucket-depends-on",
         "The bucket's `DependsOn` must be a string or a list of strings: an S3 event adds to it"},
        {"s3-bucket-properties-map",
         "The bucket's `Properties` must be a mapping: an S3 event adds to it"},
        {"s3-notification-configuration-map",
         "`NotificationConfiguration` must be a mapping: an S3 event adds to it"},
        {"s3-lambda-configurations-list",
         "`LambdaConfigurations` must be a list: an S3 event adds to it"},
        {"cognito-user-pool-ref", "The `Ref` of a Cognito event's `UserPool` must name a resource"},
        {"cognito-user-pool-not-in-template",
         "A Cognito event's `UserPool` must be a `Ref` to a user pool of the template"},
        {"api-definition-both", "An API takes `DefinitionBody` or `DefinitionUri`, not both"},
        {"api-openapi-version", "`OpenApiVersion` must be 2.x or 3.x (`3.0.1`)"},
        {"api-vpc-endpoint-ids-both",
         "`EndpointConfiguration` takes `VPCEndpointIds` or `VpcEndpointIds`, not both"},
        {"api-event-properties",
         "An Api event needs `Properties` that are a mapping with a string `Path` and `Method`"},
        {"api-event-rest-api-id-type",
         "An Api event's `RestApiId` must name an `AWS::Serverless::Api` (its ID or a `Ref`)"},
        {"api-event-rest-api-id-reference",
         "An Api event's `RestApiId` must name an `AWS::Serverless::Api` of the template"},
        {"api-stage-name-empty", "An API that Api events name needs a non-empty `StageName`"},
        {"api-merge-definitions-uri",
         "`MergeDefinitions` merges into an inline `DefinitionBody`, not a `DefinitionUri`"},
        {"api-body-invalid",
         "SAM's Swagger editor cannot edit this part of the API's `DefinitionBody`"},
        {"api-disable-execute-api-endpoint",
         "`DisableExecuteApiEndpoint` works only with an inline `DefinitionBody`"},
        {"api-models-invalid",
         "`Models` needs an inline Swagger `DefinitionBody`, and each model must be a mapping"},
        {"capacity-provider-invalid",
         "A capacity provider needs `VpcConfig.SubnetIds`, lists for its subnets, security groups "
         "and instance types, numbers for its `ScalingConfig`, no unknown keys, and not both "
         "`AllowedTypes` and `ExcludedTypes`"},
        {"api-gateway-responses-invalid",
         "`GatewayResponses` needs an inline Swagger `DefinitionBody`, and each response must be "
         "a mapping of `ResponseParameters` (`Headers`, `Paths`, `QueryStrings`), "
         "`ResponseTemplates` and a numeric `StatusCode`"},
        {"api-auth-invalid",
         "SAM cannot add this `Auth`: it needs an inline Swagger `DefinitionBody`, known keys, "
         "authorizers that are maps with a valid `FunctionPayloadType`, `Identity`, "
         "`AuthorizationScopes` and `DisableFunctionDefaultPermissions`, and a "
         "`DefaultAuthorizer` string that names one"},
        {"api-definition-body-invalid",
         "SAM's editor cannot read this `DefinitionBody` while it adds the API's `Auth`: each "
         "path item and method must be a mapping, each `security` a list of mappings"},
        {"api-event-auth",
         "The event's `Auth` must name an authorizer its API defines (`NONE` only with a "
         "`DefaultAuthorizer`), `AuthorizationScopes` need an `Authorizer`, `ApiKeyRequired: "
         "false` needs the API's `ApiKeyRequired`, and `OverrideApiAuth` needs one of them"},
        {"api-event-request-model",
         "The `RequestModel` must name a model of the API's `Models`, and its `ValidateBody` and "
         "`ValidateParameters` must be booleans"},
        {"api-event-method-duplicate",
         "Another Api event already integrates this `Method` on this `Path` of the API: SAM's "
         "editor takes one integration per method"},
        {"api-resource-policy-invalid",
         "`Auth.ResourcePolicy` must be a mapping, its `SourceVpcBlacklist` and "
         "`SourceVpcWhitelist` lists of strings (intrinsics go in `IntrinsicVpcBlacklist` and "
         "`IntrinsicVpcWhitelist`)"},
        {"api-usage-plan-invalid",
         "`Auth.UsagePlan` must be a mapping of its known keys with `CreateUsagePlan` SHARED, "
         "PER_API or NONE"},
        {"http-api-auth-invalid",
         "An HttpApi's `Auth` needs authorizers SAM can read: JWT ones with `JwtConfiguration` and "
         "`IdentitySource`, Lambda ones with `FunctionArn` and `AuthorizerPayloadFormatVersion`, "
         "and a `DefaultAuthorizer` among them"},
        {"http-api-auth-document",
         "Each method of an HttpApi's `DefinitionBody` must be a lower-case method name (`any` as "
         "`x-amazon-apigateway-any-method`) for SAM to give it the `DefaultAuthorizer`"},
        {"http-api-event-auth-invalid",
         "An HttpApi event's `Authorizer` must be `NONE` (with a `DefaultAuthorizer`), `AWS_IAM` "
         "(with `EnableIamAuthorizer`) or one of its API's `Authorizers`"},
        {"api-event-request-parameters",
         "Each of `RequestParameters` must be `method.request.(querystring|path|header).NAME`, or "
         "a map of one such name to `{Required, Caching}`"},
    };
    const sam::SamProblem& sam = problem.problem;
    const std::string& code = sam.code;
    for (const auto& [fixed, message] : kFixed) {
      if (code == fixed) return std::string(message);
    }
    std::string text = sam.node ? sam.node->text() : std::string();
    std::string id = problem.resource ? std::string(problem.resource->id) : sam.subjectId;
    if (code == "globals-unsupported-type")
      return "`Globals." + text + "` is not a section SAM knows";
    if (code == "globals-unsupported-property") {
      return "SAM does not take `" + text + "` from `Globals." + globalsSection(templ, *sam.node) +
             "`";
    }
    if (code == "globals-section-not-map") return "`Globals." + text + "` must be a mapping";
    if (code == "ignore-globals-invalid") {
      return sam.node && sam.node->isString()
                 ? "`IgnoreGlobals` names `" + text + "`, which is not in the Globals section"
                 : "`IgnoreGlobals` must be \"*\" or a list of keys of the Globals section";
    }
    if (code == "logical-id") return "Logical ID `" + id + "` may only contain letters and digits";
    if (code == "properties-not-map") return "`Properties` of `" + id + "` must be a mapping";
    if (code == "condition-not-string")
      return "The `Condition` of a resource must be the name of a condition, a string";
    if (code == "findinmap-arguments")
      return "`Fn::FindInMap` takes a list of 3 values: the mapping, a top-level key and a "
             "second-level key";
    if (code == "findinmap-not-two-level")
      return "`Fn::FindInMap` reads mapping `" + between(sam.message, '\'', '\'') +
             "`, which is not two levels of keys";
    if (code == "sub-variable-not-string") {
      const std::string kBefore = "variable value ", kAfter = ". Fn::Sub expects";
      size_t begin = sam.message.find(kBefore) + kBefore.size();
      std::string value = sam.message.substr(begin, sam.message.rfind(kAfter) - begin);
      return "An `Fn::Sub` variable here is `" + value +
             "`, not a string: SAM substitutes only strings";
    }
    if (code == "undeclared-property")
      return "`" + text + "` is not a property of " +
             (problem.resource ? std::string(problem.resource->type)
                               : std::string("this resource"));
    if (code == "reserved-tag") return "SAM sets the tag `" + text + "` itself";
    if (code == "property-type") {
      std::string property = between(sam.message, '\'', '\'');
      if (sam.message.ends_with("should be a map.")) return "`" + property + "` must be a mapping";
      if (sam.message.ends_with("should be a string."))
        return "`" + property + "` must be a string";
      return "`" + property + "` has a type SAM does not accept";
    }
    if (code == "package-type") return "`PackageType` `" + text + "` is neither Zip nor Image";
    if (code == "api-property-type") {
      return "`" + between(sam.message, '\'', '\'') + "` of API `" + id +
             "` has a type SAM rejects";
    }
    if (code == "api-definition-uri")
      return "`DefinitionUri` `" + text + "` is not s3://bucket/key";
    if (code == "api-cors-invalid") return "SAM cannot add the `Cors` of API `" + id + "`";
    if (code == "api-domain-invalid")
      return "SAM cannot make the custom domain of API `" + id + "`";
    if (code == "code-missing") return "Function `" + id + "` has no `CodeUri` or `InlineCode`";
    if (code == "code-uri" || code == "code-uri-local")
      return "`CodeUri` `" + text + "` is not s3://bucket/key";
    if (code == "state-machine-definition-uri" || code == "state-machine-definition-uri-local")
      return "`DefinitionUri` `" + text + "` is not s3://bucket/key";
    if (code == "state-machine-property-unknown")
      return "`" + text + "` is not a property of `AWS::Serverless::StateMachine`";
    if (code == "state-machine-definition-missing")
      return "State machine `" + id + "` needs `Definition` or `DefinitionUri`";
    if (code == "state-machine-property-type") {
      std::string property = between(sam.message, '\'', '\'');
      if (sam.message.ends_with("should be a map.")) return "`" + property + "` must be a mapping";
      if (sam.message.ends_with("should be a string."))
        return "`" + property + "` must be a string";
      return "`" + property + "` has a type SAM does not accept";
    }
    if (code == "runtime-handler")
      return "Function `" + id + "` needs `Runtime` and `Handler` (a Zip package)";
    if (code == "event-type") {
      return "`Type` of event `" + between(sam.message, '[', ']') +
             "` is missing or not one SAM knows";
    }
    if (code == "event-missing-property") {
      std::string event =
          sam.subjectId.size() > id.size() ? sam.subjectId.substr(id.size()) : sam.subjectId;
      return "Event `" + event + "` needs `" + between(sam.message, '\'', '\'') + "`";
    }
    if (code == "function-url-cors-property")
      return "`" + text + "` is not a `Cors` setting of a function URL";
    if (code == "function-url-cors-value-type")
      return "`Cors` value `" + text +
             "` has the wrong type: " + sam.message.substr(sam.message.rfind(' ') + 1);
    if (code == "resource-property-unknown") {
      return "`" + text + "` is not a property of " +
             (problem.resource ? std::string(problem.resource->type) : "this resource");
    }
    if (code == "resource-property-required")
      return "`" + between(sam.message, '\'', '\'') + "` is required";
    if (code == "resource-property-type") {
      return "`" + between(sam.message, '\'', '\'') + "` does not have the type SAM expects";
    }
    if (code == "application-location-missing") {
      std::string key = between(sam.message, '[', ']');
      if (key.empty()) key = between(sam.message, '\'', '\'');
      return key == "Location" ? "Application `" + id + "` needs a `Location`"
                               : "`Location` needs a non-null `" + key + "`";
    }
    if (code == "application-location-unresolved") {
      return "`" + between(sam.message, '\'', '\'') +
             "` may only be a value, a `Ref` or an `Fn::FindInMap`: SAM resolves it itself";
    }
    if (code == "application-semantic-version-blank") return "`SemanticVersion` is empty";
    if (code == "application-location-type")
      return "`" + between(sam.message, '\'', '\'') + "` must be a string";
    if (code == "application-dynamic-reference") {
      return "`ApplicationId` cannot be a dynamic reference: SAM looks the application up "
             "before CloudFormation resolves it";
    }
    if (code == "reserved-tag")
      return "`Tags` cannot set `" + sam.message.substr(0, sam.message.find(' ')) +
             "`: SAM sets it";
    if (code == "layer-parameter-not-string") {
      return "`" + between(sam.message, '\'', '\'') +
             "` must be a string once SAM resolves its parameter";
    }
    if (code == "layer-retention-policy") return "`RetentionPolicy` must be `Retain` or `Delete`";
    if (code == "layer-content-uri-missing") return "Layer `" + id + "` has no `ContentUri`";
    if (code == "layer-content-uri" || code == "layer-content-uri-local")
      return "`ContentUri` must be s3://bucket/key or a mapping with `Bucket` and `Key`";
    if (code == "layer-architectures")
      return "`CompatibleArchitectures` may only hold `x86_64` and `arm64`";
    if (code == "graphql-auth") {
      if (sam.message.find("more than one") != std::string::npos)
        return "An authenticator of `Auth` may set only the configuration its `Type` needs";
      std::string type = sam.message.substr(sam.message.find("type is") + 7);
      return "An authenticator of type `" + between(type, '\'', '\'') + "` needs `" +
             between(sam.message, '\'', '\'') + "`";
    }
    if (code == "graphql-schema")
      return "A GraphQL API needs exactly one of `SchemaInline` and `SchemaUri`";
    if (code == "graphql-property-invalid")
      return "SAM's model of a GraphQL API refuses `" + between(sam.message, '\'', '\'') + "`";
    if (code == "graphql-resolver") return "`" + sam.subjectId + "`: " + sam.message;
    if (code == "simple-table-primary-key")
      return "`PrimaryKey` needs `Name` and a `Type` of String, Number or Binary";
    if (code == "event-property-unknown" || code == "event-property-type") {
      std::string event =
          sam.subjectId.size() > id.size() ? sam.subjectId.substr(id.size()) : sam.subjectId;
      std::string property = code == "event-property-type" ? between(sam.message, '\'', '\'')
                             : sam.node                    ? sam.node->text()
                                                           : "";
      return code == "event-property-type"
                 ? "`" + property + "` of event `" + event + "` has a type SAM does not take"
                 : "Event `" + event + "` has no property `" + property + "` for its `Type`";
    }
    if (code == "generated-logical-id")
      return "Logical ID `" + sam.subjectId +
             "` SAM gives a generated resource may only contain "
             "letters and digits";
    if (code == "cognito-user-pool-property") {
      return "SAM does not know user pool property `" + text +
             "`: a Cognito event makes it re-read the pool";
    }
    if (code == "cognito-trigger-duplicate")
      return "Cognito trigger `" + text + "` is set more than once on the user pool";
    if (code == "tenancy-event-source") {
      return "A function with `TenancyConfig` takes only Api and HttpApi events, not `" + text +
             "`";
    }
    if (code == "event-invoke-destination-type") {
      return sam.node && sam.node->isScalar() && !sam.node->isNull()
                 ? "Destination `Type` `" + text + "` is not one SAM knows"
                 : "A destination needs a `Type`: SQS, SNS, EventBridge, Lambda or S3Bucket";
    }
    if (code == "websocket-api-invalid") return "WebSocketApi `" + id + "`: " + samSentence(sam);
    if (code == "http-api-invalid") return "HttpApi `" + id + "`: " + samSentence(sam);
    if (code == "http-api-openapi-invalid")
      return "SAM cannot edit this HttpApi body: " + samSentence(sam);
    if (code == "http-api-event-invalid")
      return "SAM cannot link this HttpApi event: " + samSentence(sam);
    if (code.rfind("pull-event-", 0) == 0) return describePullEvent(sam, text);
    if (code == "connector-invalid" || code == "embedded-connector-invalid" ||
        code == "connector-endpoint-unpackaged")
      return "SAM cannot transform connector `" + sam.subjectId + "`: " + sam.message;
    if (code == "embedded-connector-duplicate-id") {
      return "SAM names a connector of `" + sam.subjectId + "` `" + text +
             "`, and the template already has a resource with that logical ID";
    }
    // duplicate-logical-id: the node is the template's resource that holds the ID.
    return "SAM generates a resource `" + text + "` for `" + sam.subjectId +
           "`, and the template already has a resource with that logical ID";
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(SamRejectsTemplate)

}  // namespace samshift::rules
