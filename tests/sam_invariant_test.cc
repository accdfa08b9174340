// Issue #13's invariant: whatever `expand` rejects, lint reports as an error at the same node,
// with SAM's own message as a note. Every SAM problem code (sam/problem_codes.h) has exactly one
// rule that words it; a small template per code proves that rule reports it; and every input of
// the shared corpus that expand rejects is linted the same way, with each exception counted and
// printed.

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "engine/registry.h"
#include "engine/runner.h"
#include "expand/expander.h"
#include "load/loader.h"
#include "model/template.h"
#include "sam/globals.h"
#include "sam/parameter_values.h"
#include "sam/problem_codes.h"
#include "sam/validation.h"
#include "test_support.h"

namespace fs = std::filesystem;
using namespace samshift;

namespace {

// The rule that declares `code`; null when none or several do.
const engine::Rule* owningRule(std::string_view code) {
  const engine::Rule* owner = nullptr;
  int count = 0;
  for (const engine::Rule* rule : engine::Registry::instance().rules()) {
    std::span<const std::string_view> codes = rule->samProblemCodes();
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) continue;
    owner = rule;
    ++count;
  }
  return count == 1 ? owner : nullptr;
}

// How lint answered one error of expand's.
struct Check {
  const expand::ExpandError* error = nullptr;
  const core::Diagnostic* finding = nullptr;  // the error finding at its node with SAM's note
  std::string exemption;                      // why lint leaves it out, when it does
};

struct Outcome {
  bool sam = false;          // the template uses SAM (else the transform never runs)
  bool unsupported = false;  // expand cannot expand it yet (and found no rejection)
  std::vector<expand::ExpandError> errors;
  engine::LintResult lint;
  std::vector<Check> checks;  // one per error
};

// Expands the document as lint reads it (parameter defaults, us-east-1) and lints it.
Outcome expandAndLint(const model::Document& document) {
  Outcome out;
  model::Template templ(document.root);
  out.sam = templ.isSam();
  sam::ParameterValues params(templ, {}, "us-east-1");
  expand::ExpandResult result = expand::expandTemplate(document.root, params);
  out.unsupported = result.unsupported.has_value() && result.errors.empty();
  out.errors = std::move(result.errors);
  if (out.errors.empty()) return out;
  out.lint = engine::lintDocument(document, {});
  for (const expand::ExpandError& error : out.errors) {
    Check check{&error, nullptr, {}};
    std::string note = "The SAM transform says: " + error.message;
    for (const core::Diagnostic& finding : out.lint.diagnostics) {
      bool atNode = error.node && finding.span == error.node->span();
      bool samNote = std::any_of(finding.notes.begin(), finding.notes.end(),
                                 [&](const core::Note& n) { return n.message == note; });
      if (atNode && samNote && finding.severity == core::Severity::kError) check.finding = &finding;
    }
    if (!check.finding) {
      auto reason = sam::settledBeforeDeploy(
          templ, sam::SamProblem{error.code, error.message, error.node, true, {}});
      if (!out.sam) {
        check.exemption = "the template does not use SAM: the transform never runs";
      } else if (reason) {
        check.exemption = std::string(*reason);
      }
    }
    out.checks.push_back(check);
  }
  return out;
}

std::vector<fs::path> corpusInputs() {
  std::vector<fs::path> files;
  for (const char* dir : {"sam-translator/input", "serverless-patterns", "cfn-lint/templates"}) {
    for (const auto& entry : fs::recursive_directory_iterator(testing::corpusRoot() / dir)) {
      std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() &&
          (ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template")) {
        files.push_back(entry.path());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A template with the function `Fn`: `properties` follow its Runtime, Handler and CodeUri
// (unless `plain` is false: then `properties` are all it has); `more` is appended to Resources.
std::string function(const std::string& properties, const std::string& more = "",
                     bool plain = true) {
  std::string base = plain ? "      Runtime: python3.12\n      Handler: app.handler\n      "
                             "CodeUri: s3://bucket/fn.zip\n"
                           : "";
  return "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n" + base +
         properties + more;
}

std::string stateMachine(const std::string& properties) {
  return "Resources:\n  Machine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n"
         "      Role: arn:aws:iam::123456789012:role/machine\n"
         "      Definition: {StartAt: Done, States: {Done: {Type: Succeed}}}\n" +
         properties;
}

// A state machine with a role and only these properties (no Definition).
std::string bareStateMachine(const std::string& properties) {
  return "Resources:\n  Machine:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n"
         "      Role: arn:aws:iam::123456789012:role/machine\n" +
         properties;
}
// A template with one serverless resource `id` of `type` whose Properties are `properties`.
std::string serverless(const std::string& id, const std::string& type,
                       const std::string& properties) {
  return "Resources:\n  " + id + ":\n    Type: AWS::Serverless::" + type + "\n    Properties:\n" +
         properties;
}
std::string simpleTable(const std::string& properties) {
  return serverless("Table", "SimpleTable", properties);
}
std::string layer(const std::string& properties) {
  return serverless("Layer", "LayerVersion", properties);
}
std::string graphQLApi(const std::string& properties) {
  return serverless("Api", "GraphQLApi", properties);
}
std::string application(const std::string& properties) {
  return serverless("App", "Application", properties);
}

const std::string kAlias = "      AutoPublishAlias: live\n";

// A template of one AWS::Serverless::Api with these properties besides StageName.
std::string api(const std::string& properties) {
  return "Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: "
         "AWS::Serverless::Api\n    Properties:\n      StageName: prod\n" +
         properties;
}

// One template per problem code, each rejected by SAM for that reason (checked with the SAM
// translator v1.110.0).
const std::map<std::string, std::string>& templatePerCode() {
  static const std::map<std::string, std::string> kCases = {
      {"globals-invalid", "Globals: []\n" + function("")},
      {"globals-unsupported-type", "Globals:\n  Table: {}\n" + function("")},
      {"globals-unsupported-property", "Globals:\n  Function:\n    Timout: 3\n" + function("")},
      {"globals-section-not-map", "Globals:\n  Function:\n" + function("")},
      {"ignore-globals-invalid",
       "Globals:\n  Function:\n    Timeout: 3\n"
       "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    IgnoreGlobals: [Tracing]\n"
       "    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: "
       "s3://bucket/fn.zip}\n"},
      {"logical-id",
       "Resources:\n  Fn-1:\n    Type: AWS::Serverless::Function\n"
       "    Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: "
       "s3://bucket/fn.zip}\n"},
      {"resource-not-object", function("", "  Broken: text\n")},
      {"resources-required", "Description: no resources yet\n"},
      {"mappings-not-object", "Mappings:\n" + function("")},
      {"sub-variable-not-string", "Parameters:\n  N:\n    Type: Number\n    Default: 5\n" +
                                      function("      AutoPublishAlias: !Sub 'k${N}'\n")},
      {"findinmap-arguments",
       "Mappings:\n  Apps:\n    Hello: {Id: x}\n"
       "Resources:\n  App:\n    Type: AWS::Serverless::Application\n    Properties:\n"
       "      Location:\n        ApplicationId: !FindInMap [Apps, Hello]\n"
       "        SemanticVersion: 1.0.0\n"},
      {"findinmap-not-two-level",
       "Mappings:\n  Apps:\n    Hello: [1]\n"
       "Resources:\n  App:\n    Type: AWS::Serverless::Application\n    Properties:\n"
       "      Location:\n        ApplicationId: !FindInMap [Apps, Hello, Id]\n"
       "        SemanticVersion: 1.0.0\n"},
      {"properties-not-map",
       "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: [1]\n"},
      {"alias-type", function("      AutoPublishAlias: [live]\n")},
      {"code-sha256-type", function(kAlias + "      AutoPublishCodeSha256: [abc]\n")},
      {"all-properties-type", function(kAlias + "      AutoPublishAliasAllProperties: 'yes'\n")},
      {"version-deletion-policy", function(kAlias + "      VersionDeletionPolicy: Keep\n")},
      {"deployment-preference-map",
       function(kAlias + "      DeploymentPreference: Canary10Percent5Minutes\n")},
      {"version-deletion-policy-requires-alias", function("      VersionDeletionPolicy: Retain\n")},
      {"capacity-provider-provisioned-concurrency",
       function(
           kAlias +
           "      CapacityProviderConfig: {Arn: arn:aws:lambda:us-east-1:1:capacity-provider:p}\n"
           "      ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 1}\n")},
      {"capacity-provider-vpc",
       function(
           "      CapacityProviderConfig: {Arn: arn:aws:lambda:us-east-1:1:capacity-provider:p}\n"
           "      VpcConfig: {SubnetIds: [a], SecurityGroupIds: [b]}\n")},
      {"function-scaling-requires-capacity-provider",
       function("      FunctionScalingConfig: {MinExecutionEnvironments: 1}\n")},
      {"tenancy-provisioned-concurrency",
       function(kAlias +
                "      TenancyConfig: {TenantIsolationMode: PER_TENANT}\n"
                "      ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 1}\n")},
      {"event-type", function("      Events:\n        Ev:\n          Type: Carrier\n")},
      {"tenancy-function-url", function("      TenancyConfig: {TenantIsolationMode: PER_TENANT}\n"
                                        "      FunctionUrlConfig: {AuthType: NONE}\n")},
      {"tenancy-snapstart", function("      TenancyConfig: {TenantIsolationMode: PER_TENANT}\n"
                                     "      SnapStart: {ApplyOn: PublishedVersions}\n")},
      {"tenancy-event-source", function("      TenancyConfig: {TenantIsolationMode: PER_TENANT}\n"
                                        "      Events:\n        Ev:\n          Type: SQS\n         "
                                        " Properties: {Queue: arn:aws:sqs:q}\n")},
      {"role-type", function("      Role: [admin]\n")},
      {"function-url-auth-type", function("      FunctionUrlConfig: {AuthType: PUBLIC}\n")},
      {"function-url-cors-type",
       function("      FunctionUrlConfig: {AuthType: NONE, Cors: '*'}\n")},
      {"function-url-cors-property",
       function("      FunctionUrlConfig: {AuthType: NONE, Cors: {AllowOrigin: ['*']}}\n")},
      {"function-url-cors-value-type",
       function("      FunctionUrlConfig: {AuthType: NONE, Cors: {MaxAge: '300'}}\n")},
      {"role-if-arguments", function("      Role: !If [IsProd, arn:aws:iam::1:role/r]\n")},
      {"property-type", function("      Tags: [team]\n")},
      {"ignore-globals-invalid",
       "Globals:\n  Function:\n    Timeout: 3\nResources:\n  Fn:\n"
       "    Type: AWS::Serverless::Function\n    IgnoreGlobals: [Runtime]\n"
       "    Properties:\n      Runtime: python3.12\n      Handler: h\n"
       "      CodeUri: s3://b/k\n"},
      {"undeclared-property", function("      Timeuot: 30\n")},
      {"reserved-tag", function("      Tags: {'lambda:createdBy': me}\n")},
      {"dead-letter-queue-incomplete", function("      DeadLetterQueue: {Type: SQS}\n")},
      {"dead-letter-queue-type-not-string",
       function(
           "      DeadLetterQueue: {Type: !Ref Kind, TargetArn: arn:aws:sqs:us-east-1:1:q}\n")},
      {"dead-letter-queue-unknown-type",
       function(
           "      DeadLetterQueue: {Type: Kinesis, TargetArn: arn:aws:kinesis:us-east-1:1:s}\n")},
      {"layers-type", function("      Layers: arn:aws:lambda:us-east-1:1:layer:deps:1\n")},
      {"package-type", function("      PackageType: Jar\n")},
      {"image-uri-missing", function("      PackageType: Image\n", "", false)},
      {"image-uri-empty", function("      PackageType: Image\n      ImageUri: ''\n", "", false)},
      {"code-uri-type",
       function("      Runtime: python3.12\n      Handler: app.handler\n      CodeUri: [src]\n", "",
                false)},
      {"image-runtime-handler",
       function("      PackageType: Image\n      ImageUri: 1.dkr.ecr.us-east-1.amazonaws.com/r:v\n"
                "      Runtime: python3.12\n",
                "", false)},
      {"zip-image-config", function("      ImageConfig: {Command: [app.handler]}\n")},
      {"code-uri-location",
       function(
           "      Runtime: python3.12\n      Handler: app.handler\n      CodeUri: {Key: fn.zip}\n",
           "", false)},
      {"code-uri-dynamic-reference",
       function("      Runtime: python3.12\n      Handler: app.handler\n      CodeUri: "
                "'{{resolve:ssm:/code}}'\n",
                "", false)},
      {"code-uri", function("      Runtime: python3.12\n      Handler: app.handler\n      CodeUri: "
                            "https://example.com/fn.zip\n",
                            "", false)},
      {"code-uri-local",
       function("      Runtime: python3.12\n      Handler: app.handler\n      CodeUri: src/\n", "",
                false)},
      {"code-missing",
       function("      Runtime: python3.12\n      Handler: app.handler\n", "", false)},
      {"runtime-handler",
       function("      Runtime: python3.12\n      CodeUri: s3://bucket/fn.zip\n", "", false)},
      {"provisioned-concurrency-requires-alias",
       function("      ProvisionedConcurrencyConfig: {ProvisionedConcurrentExecutions: 1}\n")},
      {"alias-not-string",
       function("      AutoPublishAlias: !Ref Topic\n", "  Topic:\n    Type: AWS::SNS::Topic\n")},
      {"code-sha256-not-string",
       function(kAlias + "      AutoPublishCodeSha256: !Sub '${AWS::StackName}'\n")},
      {"version-logical-id", function(kAlias + "      AutoPublishCodeSha256: v1.2-release\n")},
      {"alias-name-required", "Parameters:\n  Alias:\n    Type: String\n    Default: ''\n" +
                                  function("      AutoPublishAlias: !Ref Alias\n")},
      {"alias-name-invalid", function("      AutoPublishAlias: bad*name\n")},
      {"event-invoke-destination-config",
       function("      EventInvokeConfig:\n        DestinationConfig: text\n")},
      {"event-invoke-destination-type",
       function(
           "      EventInvokeConfig:\n        DestinationConfig: {OnFailure: {Type: Queue}}\n")},
      {"event-invoke-destination-if",
       function("      EventInvokeConfig:\n        DestinationConfig: {OnFailure: {Type: SQS, "
                "Destination: !If [IsProd, arn:aws:sqs:us-east-1:1:q]}}\n")},
      {"event-invoke-destination-required",
       function(
           "      EventInvokeConfig:\n        DestinationConfig: {OnFailure: {Type: Lambda}}\n")},
      {"api-property-type", api("      FailOnWarnings: 'no'\n")},
      {"api-definition-both", api("      DefinitionUri: s3://bucket/api.yaml\n"
                                  "      DefinitionBody: {swagger: '2.0', paths: {}}\n")},
      {"api-definition-uri", api("      DefinitionUri: https://example.com/api.yaml\n")},
      {"api-openapi-version", api("      OpenApiVersion: '4.0'\n")},
      {"api-vpc-endpoint-ids-both",
       api("      EndpointConfiguration: {Type: PRIVATE, VPCEndpointIds: [a], VpcEndpointIds: "
           "[b]}\n")},
      {"api-cors-invalid", api("      Cors: {AllowCredentials: true}\n")},
      {"api-models-invalid", api("      Models: {User: text}\n")},
      {"api-gateway-responses-invalid",
       api("      GatewayResponses: {DEFAULT_4XX: {StatusCode: four-oh-one}}\n")},
      {"api-event-properties",
       function("      Events:\n        Ev:\n          Type: Api\n          Properties: "
                "{Path: /}\n")},
      {"condition-not-string",
       function("", "  Bucket:\n    Type: AWS::S3::Bucket\n    Condition: [x]\n")},
      {"capacity-provider-invalid",
       "Resources:\n  Provider:\n    Type: AWS::Serverless::CapacityProvider\n    Properties:\n"
       "      VpcConfig: {SecurityGroupIds: [sg-1]}\n"},
      {"api-event-rest-api-id-type",
       function("      Events:\n        Ev:\n          Type: Api\n          Properties: "
                "{Path: /, Method: get, RestApiId: !Sub x}\n")},
      {"api-event-rest-api-id-reference",
       function("      Events:\n        Ev:\n          Type: Api\n          Properties: "
                "{Path: /, Method: get, RestApiId: !Ref Missing}\n")},
      {"api-stage-name-empty",
       function("      Events:\n        Ev:\n          Type: Api\n          Properties: "
                "{Path: /, Method: get, RestApiId: !Ref Api}\n",
                "  Api:\n    Type: AWS::Serverless::Api\n    Properties: {StageName: ''}\n")},
      {"api-merge-definitions-uri",
       api("      DefinitionUri: s3://bucket/api.yaml\n      MergeDefinitions: true\n")},
      {"api-body-invalid",
       api("      DefinitionBody: {swagger: '2.0', paths: {/a: x}}\n      Cors: \"'*'\"\n")},
      {"api-disable-execute-api-endpoint",
       api("      DefinitionUri: s3://bucket/api.yaml\n      DisableExecuteApiEndpoint: true\n")},
      {"api-auth-invalid", api("      Auth: {DefaultAuthorizer: [A], Authorizers: {A: {}}}\n")},
      {"api-definition-body-invalid",
       api("      Auth: {ApiKeyRequired: true}\n      DefinitionBody: {swagger: '2.0', paths: "
           "{/a: {get: {x-amazon-apigateway-integration: {type: mock}, security: [key]}}}}\n")},
      {"api-event-auth",
       function("      Events:\n        Ev:\n          Type: Api\n          Properties: "
                "{Path: /, Method: get, Auth: {ApiKeyRequired: false}}\n")},
      {"api-event-request-model",
       function("      Events:\n        Ev:\n          Type: Api\n          Properties: "
                "{Path: /, Method: get, RequestModel: {Model: User}}\n")},
      {"api-event-request-parameters",
       function("      Events:\n        Ev:\n          Type: Api\n          Properties: "
                "{Path: /, Method: get, RequestParameters: [method.request.body.x]}\n")},
      {"api-event-method-duplicate",
       function("      Events:\n        Ev:\n          Type: Api\n          Properties: "
                "{Path: /, Method: get}\n        Again:\n          Type: Api\n"
                "          Properties: {Path: /, Method: GET}\n")},
      {"api-domain-invalid",
       api("      Domain: {DomainName: a.example.com, CertificateArn: arn, Route53: {}}\n")},
      {"api-resource-policy-invalid", api("      Auth: {ResourcePolicy: [a]}\n")},
      {"api-usage-plan-invalid", api("      Auth: {UsagePlan: {CreateUsagePlan: ALL}}\n")},
      {"websocket-api-invalid",
       "Resources:\n  Ws:\n    Type: AWS::Serverless::WebSocketApi\n    Properties:\n"
       "      RouteSelectionExpression: $request.body.action\n      Routes: {}\n"},
      {"http-api-invalid",
       "Resources:\n  Http:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n"
       "      DefinitionUri: s3://bucket/api.yaml\n      Tags: {team: core}\n"},
      {"http-api-openapi-invalid",
       "Resources:\n  Http:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n"
       "      DefinitionBody: {openapi: '3.0.1', paths: {}, tags: {name: a}}\n"},
      {"http-api-event-invalid",
       "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
       "      Runtime: python3.12\n      Handler: app.handler\n      CodeUri: s3://b/k\n"
       "      Events:\n        Get:\n          Type: HttpApi\n"
       "          Properties: {Path: /get}\n"},
      {"passthrough-condition-value",
       function(kAlias +
                "      DeploymentPreference: {Type: AllAtOnce, PassthroughCondition: maybe}\n")},
      {"passthrough-condition-intrinsic",
       function(kAlias + "      DeploymentPreference: {Type: AllAtOnce, PassthroughCondition: "
                         "{Fn::Equals: [a, b]}}\n")},
      {"deployment-type-missing",
       function(kAlias + "      DeploymentPreference: {Enabled: true}\n")},
      {"hooks-not-map",
       function(kAlias + "      DeploymentPreference: {Type: AllAtOnce, Hooks: [Check]}\n")},
      {"deployment-preference-requires-alias",
       function("      DeploymentPreference: {Type: AllAtOnce}\n")},
      {"alarms-not-list",
       function(kAlias + "      DeploymentPreference: {Type: AllAtOnce, Alarms: Errors}\n")},
      {"if-arguments", function(kAlias + "      DeploymentPreference: {Type: AllAtOnce, Alarms: "
                                         "{Fn::If: [IsProd, [Errors]]}}\n")},
      {"event-missing-property", function("      Events:\n        Ev:\n          Type: SQS\n       "
                                          "   Properties: {BatchSize: 1}\n")},
      {"pull-event-properties-not-map",
       function("      Events:\n        Ev:\n          Type: SQS\n          Properties: [1]\n")},
      {"pull-event-property-unknown", function("      Events:\n        Ev:\n          Type: SQS\n  "
                                               "        Properties: {Queue: q, Topic: t}\n")},
      {"pull-event-property-type", function("      Events:\n        Ev:\n          Type: SQS\n     "
                                            "     Properties: {Queue: q, BatchSize: ten}\n")},
      {"pull-event-filter-criteria",
       function("      Events:\n        Ev:\n          Type: SQS\n          Properties: {Queue: q, "
                "FilterCriteria: {Pattern: x}}\n")},
      {"pull-event-consumer-group", function("      Events:\n        Ev:\n          Type: SQS\n    "
                                             "      Properties: {Queue: q, ConsumerGroupId: g}\n")},
      {"pull-event-destination",
       function("      Events:\n        Ev:\n          Type: SQS\n          Properties: {Queue: q, "
                "DestinationConfig: {OnSuccess: {}}}\n")},
      {"pull-event-source-access", function("      Events:\n        Ev:\n          Type: MQ\n      "
                                            "    Properties: {Broker: b, Queues: [q]}\n")},
      {"pull-event-kms-key-id",
       function("      Events:\n        Ev:\n          Type: MQ\n          Properties: {Broker: b, "
                "SourceAccessConfigurations: [{Type: BASIC_AUTH, URI: s}], SecretsManagerKmsKeyId: "
                "{Ref: K}}\n")},
      {"pull-event-schema-registry",
       function("      Events:\n        Ev:\n          Type: MSK\n          Properties: {Stream: "
                "s, StartingPosition: LATEST, SchemaRegistryConfig: {EventRecordFormat: JSON}}\n")},
      {"pull-event-self-managed-kafka",
       function("      Events:\n        Ev:\n          Type: SelfManagedKafka\n          "
                "Properties: {Topics: [t]}\n")},
      {"event-properties-not-map",
       function(
           "      Events:\n        Ev:\n          Type: AlexaSkill\n          Properties: [1]\n")},
      {"event-property-unknown",
       function("      Events:\n        Ev:\n          Type: SNS\n          Properties: {Topic: "
                "arn:aws:sns:t, Queue: q}\n")},
      {"event-property-type", function("      Events:\n        Ev:\n          Type: Schedule\n"
                                       "          Properties: {Schedule: [rate(1 day)]}\n")},
      {"event-state-and-enabled",
       function("      Events:\n        Ev:\n          Type: Schedule\n          Properties: "
                "{Schedule: rate(1 day), State: ENABLED, Enabled: true}\n")},
      {"event-dlq-arn-and-type",
       function("      Events:\n        Ev:\n          Type: Schedule\n          Properties: "
                "{Schedule: rate(1 day), DeadLetterConfig: {Arn: a, Type: SQS}}\n")},
      {"event-dlq-type", stateMachine("      Events:\n        Ev:\n          Type: "
                                      "EventBridgeRule\n          Properties: {Pattern: {}, "
                                      "DeadLetterConfig: {Type: SNS}}\n")},
      {"event-dlq-missing",
       function("      Events:\n        Ev:\n          Type: CloudWatchEvent\n          "
                "Properties: {DeadLetterConfig: {}}\n")},
      {"event-dlq-queue-id",
       function("      Events:\n        Ev:\n          Type: Schedule\n          Properties: "
                "{Schedule: rate(1 day), DeadLetterConfig: {Type: SQS, QueueLogicalId: [q]}}\n")},
      {"generated-logical-id",
       function("      Events:\n        Ev:\n          Type: Schedule\n          Properties: "
                "{Schedule: rate(1 day), DeadLetterConfig: {Type: SQS, QueueLogicalId: my-q}}\n")},
      {"schedule-v2-omit-name-with-name",
       function("      Events:\n        Ev:\n          Type: ScheduleV2\n          Properties: "
                "{ScheduleExpression: rate(1 day), OmitName: true, Name: n}\n")},
      {"sns-sqs-subscription-queue",
       function("      Events:\n        Ev:\n          Type: SNS\n          Properties: "
                "{Topic: arn:aws:sns:t, SqsSubscription: {QueueArn: arn:aws:sqs:q}}\n")},
      {"s3-bucket-ref", function("      Events:\n        Ev:\n          Type: S3\n          "
                                 "Properties: {Bucket: {Ref: [b]}, Events: s3:ObjectCreated:*}\n")},
      {"s3-bucket-not-in-template",
       function("      Events:\n        Ev:\n          Type: S3\n          Properties: {Bucket: "
                "my-bucket, Events: s3:ObjectCreated:*}\n")},
      {"s3-bucket-tags-list",
       "Conditions:\n  IsOn: !Equals [a, a]\n" +
           function("      Events:\n        Ev:\n          Type: S3\n          Properties: "
                    "{Bucket: !Ref B, Events: s3:ObjectCreated:*}\n",
                    "    Condition: IsOn\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {Tags: "
                    "{a: b}}\n")},
      {"s3-bucket-depends-on",
       function("      Events:\n        Ev:\n          Type: S3\n          Properties: "
                "{Bucket: !Ref B, Events: s3:ObjectCreated:*}\n",
                "  B:\n    Type: AWS::S3::Bucket\n    DependsOn: [[Fn]]\n")},
      {"s3-bucket-properties-map",
       function("      Events:\n        Ev:\n          Type: S3\n          Properties: "
                "{Bucket: !Ref B, Events: s3:ObjectCreated:*}\n",
                "  B:\n    Type: AWS::S3::Bucket\n    Properties: text\n")},
      {"s3-notification-configuration-map",
       function("      Events:\n        Ev:\n          Type: S3\n          Properties: "
                "{Bucket: !Ref B, Events: s3:ObjectCreated:*}\n",
                "  B:\n    Type: AWS::S3::Bucket\n    Properties: {NotificationConfiguration: "
                "[]}\n")},
      {"s3-lambda-configurations-list",
       function("      Events:\n        Ev:\n          Type: S3\n          Properties: "
                "{Bucket: !Ref B, Events: s3:ObjectCreated:*}\n",
                "  B:\n    Type: AWS::S3::Bucket\n    Properties: {NotificationConfiguration: "
                "{LambdaConfigurations: {}}}\n")},
      {"cognito-user-pool-ref",
       function("      Events:\n        Ev:\n          Type: Cognito\n          Properties: "
                "{UserPool: {Ref: [p]}, Trigger: PreSignUp}\n")},
      {"cognito-lambda-config-map",
       function("      Events:\n        Ev:\n          Type: Cognito\n          Properties: "
                "{UserPool: !Ref Pool, Trigger: PreSignUp}\n",
                "  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties: {LambdaConfig: []}\n")},
      {"cognito-trigger-duplicate",
       function("      Events:\n        Ev:\n          Type: Cognito\n          Properties: "
                "{UserPool: !Ref Pool, Trigger: [PreSignUp, PreSignUp]}\n",
                "  Pool:\n    Type: AWS::Cognito::UserPool\n")},
      {"cognito-user-pool-property",
       function("      Events:\n        Ev:\n          Type: Cognito\n          Properties: "
                "{UserPool: !Ref Pool, Trigger: PreSignUp}\n",
                "  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties: {Bogus: 1}\n")},
      {"cognito-user-pool-not-in-template",
       function("      Events:\n        Ev:\n          Type: Cognito\n          Properties: "
                "{UserPool: {Ref: Pool}, Trigger: PreSignUp}\n")},
      {"alias-event-target-requires-alias", stateMachine("      UseAliasAsEventTarget: true\n")},
      {"state-machine-preference-requires-alias",
       stateMachine("      DeploymentPreference: {Type: ALL_AT_ONCE}\n")},
      {"state-machine-alias-logical-id", stateMachine("      AutoPublishAlias: my-alias\n")},
      {"state-machine-property-type", stateMachine("      Name: 42\n")},
      {"state-machine-property-unknown", stateMachine("      Timeout: 30\n")},
      {"state-machine-definition-conflict", stateMachine("      DefinitionUri: s3://b/sm.json\n")},
      {"state-machine-definition-missing", bareStateMachine("      Name: machine\n")},
      {"state-machine-definition-uri-location",
       bareStateMachine("      DefinitionUri: {Bucket: b}\n")},
      {"state-machine-definition-uri",
       bareStateMachine("      DefinitionUri: https://example.com/sm.json\n")},
      {"state-machine-definition-uri-local",
       bareStateMachine("      DefinitionUri: statemachine/sm.asl.json\n")},
      {"state-machine-role-and-policies", stateMachine("      Policies: AWSLambdaRole\n")},
      {"duplicate-logical-id", function("", "  FnRole:\n    Type: AWS::SNS::Topic\n")},
      {"resource-property-unknown", simpleTable("      Color: blue\n")},
      {"resource-property-type", simpleTable("      Tags: [a]\n")},
      {"resource-property-required", application("      Location: null\n")},
      {"application-location-missing", application("      Location: {ApplicationId: app}\n")},
      {"application-location-unresolved",
       application("      Location: {ApplicationId: {Fn::Sub: app}, SemanticVersion: 1.0.0}\n")},
      {"application-semantic-version-blank",
       application("      Location: {ApplicationId: app, SemanticVersion: null}\n")},
      {"application-location-type",
       application("      Location: {ApplicationId: [app], SemanticVersion: 1.0.0}\n")},
      {"application-dynamic-reference",
       application("      Location: {ApplicationId: '{{resolve:ssm:/app}}', SemanticVersion: "
                   "1.0.0}\n")},
      {"reserved-tag", application("      Location: https://example.com/app.yaml\n      Tags: "
                                   "{lambda:createdBy: me}\n")},
      {"layer-parameter-not-string",
       "Parameters:\n  Size:\n    Type: Number\n    Default: 5\n" +
           layer("      ContentUri: s3://bucket/layer.zip\n      LayerName: !Ref Size\n")},
      {"layer-retention-policy",
       layer("      ContentUri: s3://bucket/layer.zip\n      RetentionPolicy: Keep\n")},
      {"layer-content-uri", layer("      ContentUri: https://example.com/layer.zip\n")},
      {"layer-content-uri-local", layer("      ContentUri: layer/\n")},
      {"layer-content-uri-missing", layer("      LayerName: libs\n")},
      {"layer-architectures",
       layer("      ContentUri: s3://bucket/layer.zip\n      CompatibleArchitectures: [x64]\n")},
      {"graphql-auth", graphQLApi("      Auth: {Type: OPENID_CONNECT}\n      SchemaInline: 'type "
                                  "Query { a: String }'\n")},
      {"graphql-schema", graphQLApi("      Auth: {Type: AWS_IAM}\n")},
      {"graphql-property-invalid", graphQLApi("      Auth: {Type: PLAIN}\n")},
      {"graphql-resolver",
       graphQLApi("      Auth: {Type: AWS_IAM}\n      SchemaInline: 'type Query { a: String }'\n"
                  "      Functions: {F: {InlineCode: x, DataSource: Missing}}\n")},
      {"simple-table-primary-key", simpleTable("      PrimaryKey: {Name: id, Type: Text}\n")},
      {"policies-type", function("      Policies: 42\n")},
      {"policy-entry-invalid", function("      Policies:\n        - NoSuchPolicy: {}\n")},
      {"policy-template-values", function("      Policies:\n        - SQSPollerPolicy: q\n")},
      {"policy-template-parameters", function("      Policies:\n        - SQSPollerPolicy: {}\n")},
      {"policy-if", "Conditions:\n  IsProd: {Fn::Equals: [a, b]}\n" +
                        function("      Policies:\n        - Fn::If: [IsProd, {SQSPollerPolicy: "
                                 "{QueueName: q}}, AWSLambdaExecute]\n")},
      {"connector-invalid",
       "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n  Link:\n"
       "    Type: AWS::Serverless::Connector\n    Properties:\n      Source: {Id: Queue}\n"
       "      Destination: {Id: Missing}\n      Permissions: [Read]\n"},
      {"embedded-connector-invalid",
       "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Connectors:\n      Link:\n"
       "        Properties: {Destination: {Id: Queue}}\n"},
      {"connector-endpoint-unpackaged",
       function("      Runtime: python3.12\n      Handler: app.handler\n      CodeUri: src/\n",
                "  Queue:\n    Type: AWS::SQS::Queue\n  Link:\n"
                "    Type: AWS::Serverless::Connector\n    Properties:\n      Source: {Id: Fn}\n"
                "      Destination: {Id: Queue}\n      Permissions: [Read]\n",
                false)},
      {"http-api-auth-invalid",
       "Resources:\n  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n"
       "      Auth: {DefaultAuthorizer: Missing}\n"},
      {"http-api-event-auth-invalid",
       "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
       "      Runtime: python3.12\n      Handler: app.handler\n      CodeUri: s3://b/k\n"
       "      Events:\n        Get:\n          Type: HttpApi\n"
       "          Properties: {Auth: {Authorizer: NONE}}\n"},
      {"http-api-auth-document",
       "Resources:\n  Api:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n"
       "      DefinitionBody: {openapi: 3.0.1, paths: {/a: {any: {responses: {}}}}}\n"
       "      Auth:\n        Authorizers:\n          J:\n"
       "            JwtConfiguration: {issuer: 'https://x', audience: [a]}\n"
       "            IdentitySource: $request.header.Authorization\n"
       "        DefaultAuthorizer: J\n"},
      {"embedded-connector-duplicate-id",
       "Resources:\n  QueueLink:\n    Type: AWS::SNS::Topic\n  Queue:\n"
       "    Type: AWS::SQS::Queue\n    Connectors:\n      Link:\n"
       "        Properties: {Destination: {Id: QueueLink}, Permissions: [Write]}\n"},
  };
  return kCases;
}

}  // namespace

TEST_CASE("every SAM problem code has exactly one rule that words it, as an error",
          "[sam][invariant]") {
  for (const sam::ProblemCode& code : sam::problemCodes()) {
    INFO(code.code);
    const engine::Rule* owner = owningRule(code.code);
    REQUIRE(owner != nullptr);
    CHECK(owner->info().severity == core::Severity::kError);
    CHECK_FALSE(owner->info().optIn);
  }
  for (const engine::Rule* rule : engine::Registry::instance().rules()) {
    for (std::string_view code : rule->samProblemCodes()) {
      INFO(rule->info().code << " declares " << code);
      CHECK(sam::findProblemCode(code) != nullptr);
    }
  }
}

TEST_CASE("lint reports every rejection of expand, one template per SAM problem code",
          "[sam][invariant]") {
  const auto& cases = templatePerCode();
  for (const sam::ProblemCode& code : sam::problemCodes()) {
    INFO(code.code);
    CHECK(cases.count(std::string(code.code)) == 1);
  }
  for (const auto& [code, text] : cases) {
    INFO(code << ":\n" << text);
    model::Document document =
        load::loadText("case.yaml", "Transform: AWS::Serverless-2016-10-31\n" + text);
    REQUIRE(document.parsed);
    Outcome outcome = expandAndLint(document);
    REQUIRE_FALSE(outcome.errors.empty());
    // A connector's endpoint left as written is a consequence of the endpoint's own rejection,
    // which SAM meets first.
    if (code == "connector-endpoint-unpackaged") {
      CHECK(std::any_of(outcome.errors.begin(), outcome.errors.end(),
                        [&](const auto& error) { return error.code == code; }));
    } else {
      CHECK(outcome.errors.front().code == code);
    }
    const sam::ProblemCode* entry = sam::findProblemCode(code);
    REQUIRE(entry != nullptr);
    for (const Check& check : outcome.checks) {
      INFO("expand: " << check.error->code << " " << check.error->message);
      if (entry->concern == sam::ProblemConcern::kPackaging) {
        CHECK(check.finding == nullptr);
        CHECK_FALSE(check.exemption.empty());
        continue;
      }
      REQUIRE(check.finding != nullptr);
      CHECK(check.finding->code == owningRule(check.error->code)->info().code);
    }
  }
}

TEST_CASE("lint reports every rejection of expand over the corpus", "[sam][invariant][corpus]") {
  if (!testing::corpusPresent()) {
    WARN("../shared/corpus is absent: invariant over the corpus skipped");
    return;
  }
  std::map<std::string, std::vector<std::string>> exempted;  // reason → files
  size_t rejected = 0;
  size_t errorFixtures = 0;
  size_t errorFixturesLinted = 0;  // error_* fixtures on which lint reports an error
  size_t unparsed = 0;
  for (const fs::path& file : corpusInputs()) {
    bool errorFixture = file.parent_path().filename() == "input" &&
                        file.filename().string().rfind("error_", 0) == 0;
    auto document = load::loadFile(file.string());
    REQUIRE(document.ok());
    if (!document->parsed) {
      ++unparsed;
      continue;
    }
    Outcome outcome = expandAndLint(*document);
    if (errorFixture) {
      ++errorFixtures;
      engine::LintResult lint =
          outcome.errors.empty() ? engine::lintDocument(*document, {}) : outcome.lint;
      errorFixturesLinted +=
          std::any_of(lint.diagnostics.begin(), lint.diagnostics.end(),
                      [](const auto& d) { return d.severity == core::Severity::kError; });
    }
    if (outcome.errors.empty()) continue;
    ++rejected;
    for (const Check& check : outcome.checks) {
      INFO(file.string() << ": expand: " << check.error->code << " " << check.error->message);
      CHECK(sam::findProblemCode(check.error->code) !=
            nullptr);  // expand rejects only as src/sam does
      if (check.finding) continue;
      CHECK_FALSE(check.exemption.empty());
      if (!check.exemption.empty()) exempted[check.exemption].push_back(file.string());
    }
  }
  std::ostringstream summary;
  summary << "expand rejects " << rejected
          << " corpus inputs; lint reports each rejection at its node with "
          << "SAM's message, except (by design):";
  for (const auto& [reason, files] : exempted) {
    std::set<std::string> inputs(files.begin(), files.end());
    summary << "\n  " << files.size() << " rejections in " << inputs.size() << " inputs: " << reason
            << " (e.g. " << files.front() << ")";
  }
  summary << "\nlint reports an error on " << errorFixturesLinted << "/" << errorFixtures
          << " error_* fixtures of the SAM translator; " << unparsed
          << " corpus files do not parse";
  WARN(summary.str());
  CHECK(errorFixtures == 287);
}

TEST_CASE("a resource's IgnoreGlobals keeps Globals from what src/sam reads of it",
          "[sam][invariant][globals]") {
  // SAM accepts both (checked with the SAM translator v1.110.0): the function does not inherit
  // VersionDeletionPolicy, which it could not have without an alias.
  for (const char* ignore : {"'*'", "[VersionDeletionPolicy]"}) {
    INFO(ignore);
    std::string text = std::string(
                           "Transform: AWS::Serverless-2016-10-31\n"
                           "Globals:\n  Function:\n    VersionDeletionPolicy: Retain\n"
                           "    Timeout: 5\n"
                           "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
                           "    IgnoreGlobals: ") +
                       ignore +
                       "\n    Properties:\n      CodeUri: s3://bucket/fn.zip\n"
                       "      Runtime: python3.12\n      Handler: app.handler\n";
    model::Document document = load::loadText("case.yaml", text);
    REQUIRE(document.parsed);
    model::Template templ(document.root);
    const model::ResourceView& fn = templ.resources().front();
    model::Node merged = sam::propertiesWithGlobals(templ, fn);
    CHECK_FALSE(merged.has("VersionDeletionPolicy"));
    CHECK(merged.has("Timeout") == (std::string(ignore) != "'*'"));
    CHECK(sam::validateSamResource(templ, fn, sam::ParameterValues(templ)).empty());
    engine::LintResult lint = engine::lintDocument(document, {});
    CHECK(std::none_of(lint.diagnostics.begin(), lint.diagnostics.end(),
                       [](const auto& d) { return d.severity == core::Severity::kError; }));
  }
}
