// T006: what the SAM transform rejects that no rule of a family words: Globals, Mappings and
// logical IDs it refuses, function properties it cannot transform, generated resources whose
// logical ID the template already uses.

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
- `Mappings: null`; an `Fn::Sub` that SAM resolves (`AutoPublishAlias`, `AutoPublishCodeSha256`,
  `DeploymentPreference`, `EventInvokeConfig`) with a variable whose value is not a string;
- a serverless resource whose logical ID is not alphanumeric, or whose `Properties` is not a
  mapping;
- a function SAM cannot transform: no `Runtime` or `Handler` for a Zip package, a `CodeUri` that
  is not an S3 location, `Role` or `Layers` of the wrong type, an event without a known `Type`
  or without its required `Queue`/`Stream`/`StartingPosition`, an `EventInvokeConfig`
  destination SAM cannot read, features `TenancyConfig` excludes, `VpcConfig` with
  `CapacityProviderConfig`, `FunctionScalingConfig` without it;
- an `AWS::Serverless::Api` SAM cannot transform: a property of the wrong type, both
  `DefinitionBody` and `DefinitionUri`, a `DefinitionUri` that is not an S3 URI, an
  `OpenApiVersion` that is not 2.x or 3.x, both `VPCEndpointIds` and `VpcEndpointIds`, a `Cors`
  it cannot add (an unknown key, no inline Swagger body, `AllowCredentials` with the `'*'`
  origin);
- a resource SAM would generate (`FnRole`, `FnMyEventPermission`, …) whose logical ID the
  template already uses.

Each finding carries SAM's own message as a note. A local `CodeUri` path, or none, is not
reported: `sam package` and `sam deploy` upload it (the template's directory when there is none)
and write an S3 URI in its place before the transform runs.

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
        "logical-id",
        "mappings-not-object",
        "sub-variable-not-string",
        "properties-not-map",
        "role-type",
        "policies-type",
        "policy-entry-invalid",
        "policy-template-values",
        "policy-template-parameters",
        "policy-if",
        "layers-type",
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
        "tenancy-function-url",
        "tenancy-snapstart",
        "tenancy-event-source",
        "event-invoke-destination-config",
        "event-invoke-destination-type",
        "event-invoke-destination-required",
        "api-property-type",
        "api-definition-both",
        "api-definition-uri",
        "api-openapi-version",
        "api-vpc-endpoint-ids-both",
        "api-cors-invalid",
        "duplicate-logical-id",
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
  static std::string describe(const model::Template& templ, const ResourceProblem& problem) {
    // The messages that name nothing of the template.
    static constexpr std::pair<std::string_view, std::string_view> kFixed[] = {
        {"globals-invalid", "`Globals` must be a mapping with at least one section"},
        {"mappings-not-object", "`Mappings` must be a mapping"},
        {"role-type", "`Role` must be an ARN or an intrinsic"},
        {"layers-type", "`Layers` must be a list"},
        {"code-uri-location", "`CodeUri` needs both `Bucket` and `Key`"},
        {"code-uri-dynamic-reference",
         "`CodeUri` cannot use a dynamic reference: SAM reads the bucket and key as written"},
        {"tenancy-function-url", "`FunctionUrlConfig` cannot be combined with `TenancyConfig`"},
        {"tenancy-snapstart", "`SnapStart` cannot be combined with `TenancyConfig`"},
        {"capacity-provider-vpc", "`VpcConfig` cannot be combined with `CapacityProviderConfig`"},
        {"function-scaling-requires-capacity-provider",
         "`FunctionScalingConfig` needs `CapacityProviderConfig`"},
        {"event-invoke-destination-config",
         "`DestinationConfig` and its `OnSuccess` and `OnFailure` must be mappings"},
        {"event-invoke-destination-required",
         "A destination whose `Type` is not SQS or SNS needs `Destination`"},
        {"api-definition-both", "An API takes `DefinitionBody` or `DefinitionUri`, not both"},
        {"api-openapi-version", "`OpenApiVersion` must be 2.x or 3.x (`3.0.1`)"},
        {"api-vpc-endpoint-ids-both",
         "`EndpointConfiguration` takes `VPCEndpointIds` or `VpcEndpointIds`, not both"},
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
    if (code == "logical-id") return "Logical ID `" + id + "` may only contain letters and digits";
    if (code == "properties-not-map") return "`Properties` of `" + id + "` must be a mapping";
    if (code == "sub-variable-not-string") {
      const std::string kBefore = "variable value ", kAfter = ". Fn::Sub expects";
      size_t begin = sam.message.find(kBefore) + kBefore.size();
      std::string value = sam.message.substr(begin, sam.message.rfind(kAfter) - begin);
      return "An `Fn::Sub` variable here is `" + value +
             "`, not a string: SAM substitutes only strings";
    }
    if (code == "api-property-type") {
      return "`" + between(sam.message, '\'', '\'') + "` of API `" + id +
             "` has a type SAM rejects";
    }
    if (code == "api-definition-uri")
      return "`DefinitionUri` `" + text + "` is not s3://bucket/key";
    if (code == "api-cors-invalid") return "SAM cannot add the `Cors` of API `" + id + "`";
    if (code == "code-missing") return "Function `" + id + "` has no `CodeUri` or `InlineCode`";
    if (code == "code-uri" || code == "code-uri-local")
      return "`CodeUri` `" + text + "` is not s3://bucket/key";
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
    if (code == "tenancy-event-source") {
      return "A function with `TenancyConfig` takes only Api and HttpApi events, not `" + text +
             "`";
    }
    if (code == "event-invoke-destination-type") {
      return sam.node && sam.node->isScalar() && !sam.node->isNull()
                 ? "Destination `Type` `" + text + "` is not one SAM knows"
                 : "A destination needs a `Type`: SQS, SNS, EventBridge, Lambda or S3Bucket";
    }
    // duplicate-logical-id: the node is the template's resource that holds the ID.
    return "SAM generates a resource `" + text + "` for `" + sam.subjectId +
           "`, and the template already has a resource with that logical ID";
  }
};

}  // namespace

SAMSHIFT_REGISTER_RULE(SamRejectsTemplate)

}  // namespace samshift::rules
