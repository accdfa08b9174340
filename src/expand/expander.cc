#include "expand/expander.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "core/printable_text.h"
#include "expand/api/api_generator.h"
#include "expand/application.h"
#include "expand/capacity_provider.h"
#include "expand/codedeploy.h"
#include "expand/connectors/connectors.h"
#include "expand/function.h"
#include "expand/graphql/graphql_api.h"
#include "expand/layer.h"
#include "expand/resource_refs.h"
#include "expand/simple_table.h"
#include "expand/state_machine.h"
#include "expand/tree_path.h"
#include "expand/websocket_api.h"
#include "model/scalar_resolver.h"
#include "model/template.h"
#include "sam/api_domain_validation.h"
#include "sam/api_policy_validation.h"
#include "sam/api_validation.h"
#include "sam/application.h"
#include "sam/globals.h"
#include "sam/graphql_api.h"
#include "sam/ignore_globals.h"
#include "sam/problem_codes.h"
#include "sam/resource_attributes.h"
#include "sam/resource_order.h"
#include "sam/template_index.h"
#include "sam/transforms.h"
#include "sam/validation.h"

namespace samshift::expand {

using model::MapEntry;
using model::Node;

namespace {

bool inScope(const sam::SamProblem& problem, sam::ProblemScope scope) {
  const sam::ProblemCode* code = sam::findProblemCode(problem.code);
  return code && code->scope == scope;
}

bool generated(const sam::SamProblem& problem) {
  return inScope(problem, sam::ProblemScope::kGenerated);
}

// Several template-level problems are the implicit API plugin's, one per function or state
// machine, in the order it iterates the template's Resources.
void orderAsImplicitApiPlugin(const model::Template& templ, std::vector<ExpandError>& errors) {
  std::vector<std::string> order = sam::implicitApiPluginOrder(templ);
  auto rank = [&](const ExpandError& error) {
    return std::find(order.begin(), order.end(), error.logicalId) - order.begin();
  };
  std::stable_sort(errors.begin(), errors.end(),
                   [&](const ExpandError& a, const ExpandError& b) { return rank(a) < rank(b); });
}

// Why SAM rejects the template, as SAM reports it. The only source of expand's errors: what
// expand rejects is what src/sam validates, which lint reports too.
// The Globals-merged properties and settings of each function, read once here and kept in `ctx`
// for its expansion: reading them is a good part of the cost of a function.
std::vector<ExpandError> samRejections(ExpandContext& ctx) {
  const model::Template& templ = ctx.templ;
  const sam::ParameterValues& params = ctx.params;
  std::vector<ExpandError> errors;
  for (const sam::SamProblem& problem : sam::validateSamTemplate(templ, params)) {
    errors.push_back({problem.subjectId, problem.code, sam::samMessage(problem, problem.subjectId),
                      problem.node});
  }
  if (errors.size() > 1) orderAsImplicitApiPlugin(templ, errors);
  if (!errors.empty()) return errors;
  std::vector<const model::ResourceView*> order = sam::translatorOrder(templ);
  const sam::TemplateIndex index(templ);
  // The implicit API's ResourcePolicy stops SAM when it translates that API, after the functions
  // and state machines: alone, unless one of them stopped it first.
  std::optional<sam::SamProblem> implicitPolicy =
      sam::implicitApiResourcePolicyProblem(templ, params);
  // Any resource may carry connectors (a `Connectors` attribute).
  for (const model::ResourceView& resource : templ.resources()) {
    if (!resource.isServerless() && resource.node && resource.node->isMapping() &&
        resource.node->has("Connectors"))
      order.push_back(&resource);
  }
  for (const model::ResourceView* serverless : order) {
    const model::ResourceView& resource = *serverless;
    if (implicitPolicy && sam::transformRank(resource.type) > 1) break;
    std::vector<sam::SamProblem> problems;
    if (resource.type == "AWS::Serverless::Function" && resource.properties &&
        resource.properties->isMapping()) {
      FunctionInputs inputs{sam::propertiesWithGlobals(templ, resource), std::nullopt};
      inputs.deployment = sam::readDeploymentModel(templ, resource, params, &inputs.properties);
      problems = sam::validateSamResource(templ, resource, params, &inputs.properties,
                                          &inputs.deployment, &index);
      ctx.functionInputs.emplace(resource.id, std::move(inputs));
    } else {
      problems = sam::validateSamResource(templ, resource, params, nullptr, nullptr, &index);
    }
    // A template-level problem met in a resource (an Fn::Sub SAM cannot resolve) stops SAM there,
    // and it reports nothing else.
    if (!problems.empty() && inScope(problems[0], sam::ProblemScope::kTemplate)) {
      const sam::SamProblem& problem = problems[0];
      return {{std::string(resource.id), problem.code, sam::samMessage(problem, resource.id),
               problem.node}};
    }
    // SAM stops at the first problem of a resource; when that is a generated resource whose
    // logical ID is taken, it reports every such resource.
    // Each embedded connector is a resource of its own to SAM.
    const sam::SamProblem* first = nullptr;
    for (const sam::SamProblem& problem : problems) {
      if (!inScope(problem, sam::ProblemScope::kConnector)) {
        if (first && !(generated(*first) && generated(problem))) continue;
        if (!first) first = &problem;
      }
      const std::string& subject = problem.subjectId;
      errors.push_back({subject.empty() ? std::string(resource.id) : subject, problem.code,
                        sam::samMessage(problem, resource.id), problem.node});
    }
  }
  if (implicitPolicy) {
    const sam::SamProblem& problem = *implicitPolicy;
    return {{problem.subjectId, problem.code, sam::samMessage(problem, problem.subjectId),
             problem.node}};
  }
  // The implicit ServerlessRestApi is translated with the APIs, before the other resources.
  if (auto problem = sam::implicitApiDomainProblem(templ, params)) {
    auto other = std::find_if(errors.begin(), errors.end(), [&](const ExpandError& error) {
      const model::ResourceView* resource = templ.resource(error.logicalId);
      return resource && sam::translatedAfterApis(resource->type);
    });
    errors.insert(other, {problem->subjectId, problem->code,
                          sam::samMessage(*problem, problem->subjectId), problem->node});
  }
  return errors;
}

// True when SAM rejects the template's structure, which it checks before its plugins run
// (parser/parser.py Parser.validate_datatypes; ServerlessAppPlugin reads Mappings first).
bool structural(const std::vector<ExpandError>& errors) {
  if (errors.empty()) return false;
  const std::string& code = errors.front().code;
  return code == "resources-required" || code == "resource-not-object" ||
         code == "properties-not-map" || code == "mappings-not-object";
}

// Resource attributes samshift does not expand as SAM does (sam/resource_attributes.h says what
// SAM does with each).
void checkResourceAttributes(ExpandContext& ctx) {
  for (const model::ResourceView& resource : ctx.templ.resources()) {
    if (!resource.node || !resource.node->isMapping()) continue;
    bool api =
        resource.type == "AWS::Serverless::Api" || resource.type == "AWS::Serverless::HttpApi";
    for (const MapEntry& entry : resource.node->entries()) {
      const std::string& key = entry.key.text();
      bool odd = (key == "Condition" && !entry.value.isString()) ||
                 (key == "DependsOn" && !entry.value.isString() && !entry.value.isSequence());
      sam::AttributeUse use = sam::serverlessAttributeUse(key);
      // An Api's or HttpApi's Metadata goes to its RestApi or Api (api/api_generator.h), and a
      // key SAM drops is dropped there too; plugin attributes on an API are not expanded yet.
      bool connectors = key == "Connectors";
      bool apiUnsupported = use == sam::AttributeUse::kPlugin && !connectors;
      bool unsupported = odd ||
                         (resource.isServerless() && key == "IgnoreGlobals" &&
                          !sam::ignoreGlobalsUnderstood(resource)) ||
                         (api && apiUnsupported);
      if (unsupported) {
        ctx.notSupported("attribute " + key + " of resource " + std::string(resource.id));
      }
    }
  }
}

// Python turns no more than this many digits into an int or back into text
// (sys.int_info.default_max_str_digits): SAM cannot read a template with a longer integer.
constexpr size_t kMaxPythonDigits = 4300;

size_t digitCount(const Node& bigInteger) {
  std::string digits = model::bigIntegerDigits(bigInteger);
  return digits.size() - (digits[0] == '-' ? 1 : 0);
}

// An integer SAM's Python would hold exactly and samshift cannot: beyond 64 bits and not written
// in decimal, or too long for Python to read; null when there is none.
const Node* unwritableInteger(const Node& root, std::string& path) {
  return findWithPath(
      root,
      [](const Node& node) {
        model::BigInteger big = model::bigInteger(node);
        return big == model::BigInteger::kOtherBase ||
               (big == model::BigInteger::kDecimal && digitCount(node) > kMaxPythonDigits);
      },
      path);
}

}  // namespace

ExpandResult expandTemplate(const Node& root, const sam::ParameterValues& params) {
  model::Template templ(root);
  ExpandContext ctx(templ, params);
  ExpandResult result;
  if (!root.isMapping()) {
    result.unsupported = "a template that is not a mapping";
    return result;
  }
  // Another transform rewrites the template before SAM or SAM's output after it. Listed after
  // SAM's, SAM still reads the template as written: its rejection is exactly what happens.
  std::optional<std::string> otherTransform = sam::unsupportedTransform(templ);
  if (otherTransform && sam::languageExtensions(templ) != sam::LanguageExtensions::kAfterSam) {
    result.unsupported = std::move(otherTransform);
    return result;
  }
  std::string path;
  if (const Node* integer = unwritableInteger(root, path)) {
    if (model::bigInteger(*integer) == model::BigInteger::kDecimal) {
      result.unsupported = "an integer of more than " + std::to_string(kMaxPythonDigits) +
                           " digits, which SAM's Python does not read (" + path + ")";
      return result;
    }
    ctx.notSupported("an integer beyond 64 bits not written in decimal (" + path + ")");
  }
  result.errors = samRejections(ctx);
  // SAM asks AWS about Serverless Application Repository applications before it checks anything
  // but the template's structure.
  if (auto call = sam::serverlessRepoCall(templ, params); call && !structural(result.errors)) {
    result.errors.clear();
    result.unsupported = std::move(call);
    return result;
  }
  // A GraphQL API samshift does not read may hold rejections of its own: SAM's list would differ.
  if (!result.errors.empty() && !structural(result.errors)) {
    for (const model::ResourceView& resource : templ.resources()) {
      bool rejected =
          std::any_of(result.errors.begin(), result.errors.end(),
                      [&](const ExpandError& error) { return error.logicalId == resource.id; });
      if (resource.type != "AWS::Serverless::GraphQLApi" || rejected) continue;
      if (auto why = sam::graphQLApiUnsupported(sam::propertiesWithGlobals(templ, resource))) {
        result.errors.clear();
        result.unsupported = *why + " (" + std::string(resource.id) + ")";
        return result;
      }
    }
  }
  // The implicit API is transformed among the APIs: after the functions and state machines, in an
  // order among the others not modelled here; SAM stopped before at a template-level problem.
  if (auto cors = sam::implicitRestApiCorsProblem(templ); cors && !structural(result.errors)) {
    bool stopped = false, after = false;
    for (const ExpandError& error : result.errors) {
      const sam::ProblemCode* code = sam::findProblemCode(error.code);
      stopped = stopped || (code && code->scope == sam::ProblemScope::kTemplate);
      const model::ResourceView* resource = templ.resource(error.logicalId);
      after = after || !resource ||
              (resource->type != "AWS::Serverless::Function" &&
               resource->type != "AWS::Serverless::StateMachine");
    }
    if (!stopped && after) {
      result.errors.clear();
      result.unsupported = "the order of the implicit ServerlessRestApi's rejection among others";
      return result;
    }
    if (!stopped) {
      result.errors.push_back(
          {cors->subjectId, cors->code, sam::samMessage(*cors, cors->subjectId), cors->node});
    }
  }
  // The implicit API's Domain from Globals may add a rejection SAM lists among the others.
  if (!result.errors.empty() && !structural(result.errors) &&
      sam::implicitApiDomainRejected(templ, params)) {
    result.errors.clear();
    result.unsupported = "a Globals Api Domain SAM may reject on the implicit ServerlessRestApi";
    return result;
  }
  if (!result.errors.empty()) return result;
  if (otherTransform) {
    result.unsupported = std::move(otherTransform);
    return result;
  }
  api::collectApis(ctx);
  checkResourceAttributes(ctx);
  // Plain resources first, so event sources can amend them (S3 bucket notifications).
  for (const model::ResourceView& resource : templ.resources()) {
    if (!resource.isServerless() && resource.node)
      ctx.add(std::string(resource.id), *resource.node);
  }
  for (const model::ResourceView& resource : templ.resources()) {
    ctx.owner = std::string(resource.id);
    if (resource.type == "AWS::Serverless::Function") expandFunction(ctx, resource);
  }
  for (const model::ResourceView& resource : templ.resources()) {
    ctx.owner = std::string(resource.id);
    if (resource.type == "AWS::Serverless::StateMachine") expandStateMachine(ctx, resource);
  }
  // SAM's order: functions, state machines, APIs, then the rest
  // (Translator._get_resources_to_iterate).
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type != "AWS::Serverless::WebSocketApi") continue;
    ctx.owner = std::string(resource.id);
    expandWebSocketApi(ctx, resource);
  }
  ctx.owner.clear();
  std::map<std::string, std::string, std::less<>> renamed;
  for (const model::ResourceView& resource : templ.resources()) {
    if (resource.type == "AWS::Serverless::LayerVersion") {
      std::string newId = expandLayer(ctx, resource);
      if (!newId.empty()) renamed.emplace(std::string(resource.id), newId);
    } else if (resource.type == "AWS::Serverless::CapacityProvider") {
      expandCapacityProvider(ctx, resource);
    } else if (resource.type == "AWS::Serverless::SimpleTable") {
      expandSimpleTable(ctx, resource);
    } else if (resource.type == "AWS::Serverless::Application") {
      expandApplication(ctx, resource);
    } else if (resource.type == "AWS::Serverless::GraphQLApi") {
      ctx.owner = std::string(resource.id);
      expandGraphQLApi(ctx, resource);
      ctx.owner.clear();
    } else if (resource.isServerless() && resource.type != "AWS::Serverless::Function" &&
               resource.type != "AWS::Serverless::StateMachine" &&
               resource.type != "AWS::Serverless::Api" &&
               resource.type != "AWS::Serverless::Connector" &&
               resource.type != "AWS::Serverless::HttpApi" &&
               resource.type != "AWS::Serverless::WebSocketApi") {
      ctx.notSupported("resource type " + std::string(resource.type) + " (" +
                       std::string(resource.id) + ")");
    }
  }
  api::emitApis(ctx);
  expandConnectors(ctx);  // SAM's last: against the resources generated so far
  emitSharedCodeDeploy(ctx);
  if (ctx.unsupported) {
    result.unsupported = ctx.unsupported;
    return result;
  }
  Node output = Node::mapping();
  for (const MapEntry& entry : root.entries()) {
    const std::string& key = entry.key.text();
    if (key == "Transform" || key == "Globals") continue;
    if (key == "Resources") {
      output.set("Resources", std::move(ctx.resources));
    } else if (key == "Conditions" && entry.value.isMapping()) {
      Node conditions = entry.value;
      for (const MapEntry& extra : ctx.extraConditions.entries())
        conditions.set(extra.key.text(), extra.value);
      output.set(key, std::move(conditions));
    } else {
      output.set(key, entry.value);
    }
  }
  rewriteResourceRefs(output, ctx, renamed);
  result.output = std::move(output);
  return result;
}

std::string overallErrorMessage(const std::vector<ExpandError>& errors) {
  // In the order SAM meets the resources, as the SAM translator v1.110.0 prints them (SAM's own
  // test suite sorts them, and so do the expected messages of its fixtures).
  std::vector<std::string> messages;
  std::unordered_set<std::string_view> seen;  // a template may carry a rejection per resource
  for (const ExpandError& error : errors) {
    if (seen.insert(error.message).second) messages.push_back(error.message);
  }
  std::string out =
      "Invalid Serverless Application Specification document. Number of errors found: " +
      std::to_string(messages.size()) + ".";
  for (const std::string& message : messages) out += " " + message;
  return out;
}

}  // namespace samshift::expand
